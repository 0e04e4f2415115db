import { useMemo, useState } from 'react';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import { ChunkGapChart } from './ChunkGapChart';
import { chunkGaps, flattenArrivals, formatGap, gapStats } from './chunkGaps';

/**
 * "Chunk timing": median / p95 / max gap between response chunks and a chart of every gap over the
 * run. The chart (and uPlot) only loads while the disclosure is open.
 */
export function ChunkTiming({
  arrivalBatches,
  testId,
}: {
  arrivalBatches: readonly (readonly number[])[];
  testId: string;
}) {
  const [open, setOpen] = useState(false);
  // Only while open: a long stream adds a batch every frame.
  const stats = useMemo(() => (open ? gapStats(arrivalBatches) : null), [open, arrivalBatches]);
  const gaps = useMemo(
    () => (open ? chunkGaps(flattenArrivals(arrivalBatches)) : null),
    [open, arrivalBatches],
  );
  const summary = stats
    ? `median ${formatGap(stats.medianMs)} · p95 ${formatGap(stats.p95Ms)} · max ${formatGap(stats.maxMs)} over ${stats.chunks} chunks`
    : null;
  return (
    <Disclosure className="inline-disclosure" isExpanded={open} onExpandedChange={setOpen}>
      <Heading level={4} className="inline-disclosure-heading">
        <Button slot="trigger" className="disclosure-trigger">
          <span className="chevron" aria-hidden="true" />
          Chunk timing
        </Button>
      </Heading>
      <DisclosurePanel className="inline-disclosure-panel">
        {open ? (
          <div className="chunk-timing">
            <p data-testid={testId}>
              {summary ? (
                <>Gap between chunks: {summary}</>
              ) : (
                <span className="muted">Fewer than two chunks have arrived: no gaps to show.</span>
              )}
            </p>
            {stats && gaps ? (
              <ChunkGapChart gaps={gaps} label={`Gap between chunks over the run: ${summary}`} />
            ) : null}
          </div>
        ) : null}
      </DisclosurePanel>
    </Disclosure>
  );
}
