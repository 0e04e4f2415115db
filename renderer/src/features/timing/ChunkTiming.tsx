import { useMemo, useState, type ReactNode } from 'react';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import { ChunkGapChart } from './ChunkGapChart';
import { chunkGaps, flattenArrivals, formatGap, gapStats } from './chunkGaps';

/**
 * The "Chunk timing" disclosure. Its panel (`children`) is only mounted while it is open, so a
 * panel that subscribes to the growing arrivals costs nothing per streamed frame while closed (the
 * disclosure itself does not re-render as the stream grows).
 */
export function ChunkTimingDisclosure({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <Disclosure className="inline-disclosure" isExpanded={open} onExpandedChange={setOpen}>
      <Heading level={4} className="inline-disclosure-heading">
        <Button slot="trigger" className="disclosure-trigger">
          <span className="chevron" aria-hidden="true" />
          Chunk timing
        </Button>
      </Heading>
      <DisclosurePanel className="inline-disclosure-panel">{open ? children : null}</DisclosurePanel>
    </Disclosure>
  );
}

/**
 * Median / p95 / max gap between response chunks and a chart of every gap over the run (the chart,
 * and uPlot, load with it: inside the open disclosure).
 */
export function ChunkTimingStats({
  arrivalBatches,
  testId,
}: {
  arrivalBatches: readonly (readonly number[])[];
  testId: string;
}) {
  const stats = useMemo(() => gapStats(arrivalBatches), [arrivalBatches]);
  const gaps = useMemo(() => chunkGaps(flattenArrivals(arrivalBatches)), [arrivalBatches]);
  const summary = stats
    ? `median ${formatGap(stats.medianMs)} · p95 ${formatGap(stats.p95Ms)} · max ${formatGap(stats.maxMs)} over ${stats.chunks} chunks`
    : null;
  return (
    <div className="chunk-timing">
      <p data-testid={testId}>
        {summary ? (
          <>Gap between chunks: {summary}</>
        ) : (
          <span className="muted">Fewer than two chunks have arrived: no gaps to show.</span>
        )}
      </p>
      {stats ? <ChunkGapChart gaps={gaps} label={`Gap between chunks over the run: ${summary}`} /> : null}
    </div>
  );
}

/** "Chunk timing" of a fixed list of arrival batches. */
export function ChunkTiming({
  arrivalBatches,
  testId,
}: {
  arrivalBatches: readonly (readonly number[])[];
  testId: string;
}) {
  return (
    <ChunkTimingDisclosure>
      <ChunkTimingStats arrivalBatches={arrivalBatches} testId={testId} />
    </ChunkTimingDisclosure>
  );
}
