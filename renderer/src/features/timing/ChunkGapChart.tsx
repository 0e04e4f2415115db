import { useEffect, useRef, useState } from 'react';
import type { ChunkGaps } from './chunkGaps';

/** uPlot and its stylesheet are loaded the first time a chart is shown. */
const loadUPlot = () =>
  Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([module]) => module.default);

/** Gap before each chunk (ms) against the time it arrived (ms since the request was sent). */
export function ChunkGapChart({ gaps, label }: { gaps: ChunkGaps; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let disposed = false;
    let plot: { destroy(): void; setSize(size: { width: number; height: number }): void } | null = null;
    let observer: ResizeObserver | null = null;
    loadUPlot().then(
      (UPlot) => {
        if (disposed) return;
        const width = Math.max(element.clientWidth, 240);
        plot = new UPlot(
          {
            width,
            height: 180,
            scales: { x: { time: false } },
            legend: { show: false },
            cursor: { drag: { x: false, y: false } },
            axes: [
              { label: 'ms since the request', size: 40 },
              { label: 'gap (ms)', size: 50 },
            ],
            series: [
              {},
              {
                label: 'gap (ms)',
                stroke: '#1f4fd1',
                width: 1,
                points: { show: gaps.at.length <= 200, size: 4 },
              },
            ],
          },
          [gaps.at, gaps.gapMs],
          element,
        );
        observer = new ResizeObserver(() => {
          plot?.setSize({ width: Math.max(element.clientWidth, 240), height: 180 });
        });
        observer.observe(element);
      },
      () => {
        if (!disposed) setFailed('The chart could not be loaded.');
      },
    );
    return () => {
      disposed = true;
      observer?.disconnect();
      plot?.destroy();
    };
  }, [gaps]);

  return (
    <div className="chunk-gap-chart" role="img" aria-label={label}>
      {failed ? <p className="field-error">{failed}</p> : null}
      <div ref={container} />
    </div>
  );
}
