import { useCurrentRunId } from '../store';
import { PreviousRuns } from './PreviousRuns';
import { RunViewSlots } from './RunViewSlots';

export function OutputPane() {
  const runId = useCurrentRunId();
  return (
    <section className="output-pane" aria-label="Output">
      <RunViewSlots
        runId={runId}
        empty={
          <div className="empty-output">
            <p>Write a prompt, pick a model and press Run.</p>
            <p className="muted">The output streams here, one panel per choice.</p>
          </div>
        }
      />
      <PreviousRuns />
    </section>
  );
}
