import { useState } from 'react';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import { fullText } from '../chunkText';
import { formatDuration } from '../format';
import { usePreviousRunIds, useRunField } from '../store';
import { RunView } from './RunView';

function PreviousRun({ runId, position }: { runId: string; position: number }) {
  const [expanded, setExpanded] = useState(false);
  const status = useRunField(runId, (run) => run.status);
  const model = useRunField(runId, (run) => run.params.model);
  const startedAt = useRunField(runId, (run) => run.startedAt);
  const totalMs = useRunField(runId, (run) => run.summary?.timing.totalMs);
  const excerpt = useRunField(runId, (run) => {
    const first = run.choices[0];
    return first ? fullText(first).slice(0, 120).replace(/\s+/g, ' ').trim() : '';
  });
  if (status === undefined || startedAt === undefined) return null;
  return (
    <Disclosure className="previous-run" isExpanded={expanded} onExpandedChange={setExpanded}>
      <Heading level={3} className="inline-disclosure-heading">
        <Button slot="trigger" className="disclosure-trigger previous-run-trigger">
          <span className="chevron" aria-hidden="true" />
          <span className={`status-badge status-${status}`}>{status}</span>
          <span className="mono">{model}</span>
          <span className="muted">{new Date(startedAt).toLocaleTimeString()}</span>
          {totalMs !== undefined ? <span className="muted">{formatDuration(totalMs)}</span> : null}
          <span className="previous-run-excerpt">{excerpt || '(no text)'}</span>
        </Button>
      </Heading>
      <DisclosurePanel className="inline-disclosure-panel">
        {expanded ? <RunView runId={runId} testIdPrefix={`previous-${position}-`} /> : null}
      </DisclosurePanel>
    </Disclosure>
  );
}

/** The last few runs, collapsed (full history comes later). */
export function PreviousRuns() {
  const ids = usePreviousRunIds();
  if (ids.length === 0) return null;
  return (
    <section className="previous-runs" aria-label="Previous runs">
      <h2 className="pane-title">Previous runs</h2>
      {ids.map((runId, position) => (
        <PreviousRun key={runId} runId={runId} position={position + 1} />
      ))}
    </section>
  );
}
