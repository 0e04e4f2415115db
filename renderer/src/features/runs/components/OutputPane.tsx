import { useCurrentRunId } from '../store';
import { PreviousRuns } from './PreviousRuns';
import { RunView } from './RunView';

export function OutputPane() {
  const runId = useCurrentRunId();
  return (
    <section className="output-pane" aria-label="Output">
      {runId ? (
        <RunView key={runId} runId={runId} />
      ) : (
        <div className="empty-output">
          <p>Write a prompt, pick a model and press Run.</p>
          <p className="muted">The output streams here, one panel per choice.</p>
        </div>
      )}
      <PreviousRuns />
    </section>
  );
}
