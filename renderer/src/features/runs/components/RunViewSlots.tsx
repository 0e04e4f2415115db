import { memo, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { clearInSlices, taskClock } from '../../../ui/clearInSlices';
import { createFrameTurns, useFrameTurn } from '../../../ui/frameTurns';
import { scheduleAnimationFrame } from '../frameBuffer';
import { retiringAfter } from '../retiringRuns';
import { RunView } from './RunView';

/** Time per task spent emptying a replaced run's heatmap. */
const CLEAR_SLICE_MS = 6;

/** One mount of a run's view per animation frame (see useFrameTurn below). */
const viewMountTurns = createFrameTurns(scheduleAnimationFrame);

interface SlotProps {
  runId: string;
  retiring: boolean;
  testIdPrefix: string;
  onCleared(runId: string): void;
}

/**
 * One run's view. When it is replaced it is not unmounted at once: it is hidden without tearing down
 * its layout (`content-visibility: hidden` keeps it), its heatmap is emptied a slice at a time, and
 * only then is it unmounted. Removing a 10,000-token heatmap in one go was a 50–70 ms frame just as
 * the next run started (four of them when a comparison is run again).
 */
const RunViewSlot = memo(function RunViewSlot({ runId, retiring, testIdPrefix, onCleared }: SlotProps) {
  const ref = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!retiring) return;
    const blocks = ref.current ? [...ref.current.querySelectorAll('.heat-block')] : [];
    return clearInSlices(blocks, CLEAR_SLICE_MS, taskClock, () => onCleared(runId));
  }, [retiring, runId, onCleared]);
  // Several views starting at once (Run all) mount a frame apart: each is a frame's worth of work.
  const mounted = useFrameTurn(viewMountTurns);
  return (
    <div
      ref={ref}
      className={retiring ? 'run-slot is-retiring' : 'run-slot'}
      aria-hidden={retiring || undefined}
    >
      {mounted ? (
        <RunView runId={runId} testIdPrefix={retiring ? 'retiring-' : testIdPrefix} />
      ) : (
        <p className="muted">Starting…</p>
      )}
    </div>
  );
});

/** The view of `runId` (or `empty`), with the views it replaced kept until they are cleared. */
export function RunViewSlots({
  runId,
  testIdPrefix = '',
  empty = null,
}: {
  runId: string | null;
  testIdPrefix?: string;
  empty?: ReactNode;
}) {
  const [shown, setShown] = useState(runId);
  const [retiring, setRetiring] = useState<readonly string[]>([]);
  if (shown !== runId) {
    // Adopted while rendering: the replaced view stays mounted (hidden) in this same commit.
    setShown(runId);
    setRetiring(retiringAfter(retiring, shown, runId));
  }
  const onCleared = useCallback(
    (cleared: string) => setRetiring((ids) => ids.filter((id) => id !== cleared)),
    [],
  );
  return (
    <>
      {runId === null ? empty : null}
      {[...(runId === null ? [] : [runId]), ...retiring].map((id) => (
        <RunViewSlot
          key={id}
          runId={id}
          retiring={id !== runId}
          testIdPrefix={testIdPrefix}
          onCleared={onCleared}
        />
      ))}
    </>
  );
}
