import { useEffect, useRef, useState } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { choiceSpans, choiceTokenStore } from '../runs/runTokens';
import { probabilitySeries } from './chartSeries';

interface ProbabilityChartProps {
  runId: string;
  choice: number;
  version: number;
  finished: boolean;
  testId: string;
  /** A point was clicked: select this display span in the text. */
  onSelect(span: number): void;
}

const CHART_HEIGHT = 160;

/** The chart itself, mounted only while the disclosure is open; uPlot is loaded on first use. */
function Chart({ runId, choice, version, finished, testId, onSelect }: ProbabilityChartProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const onSelectRef = useRef(onSelect);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    onSelectRef.current = onSelect;
  });

  useEffect(() => {
    let cancelled = false;
    const host = hostRef.current;
    if (!host) return;
    import('uplot').then(
      ({ default: UPlot }) => {
        if (cancelled) return;
        const source = choiceTokenStore(runId, choice);
        const data = source ? probabilitySeries(source) : [[], []];
        const plot = new UPlot(
          {
            width: Math.max(240, host.clientWidth),
            height: CHART_HEIGHT,
            scales: { x: { time: false }, y: { range: [0, 1] } },
            axes: [{ label: 'token' }, { label: 'probability' }],
            series: [
              { label: 'token' },
              { label: 'probability', stroke: '#1f4fd1', width: 1, points: { show: true, size: 4 } },
            ],
            legend: { show: false },
          },
          data as uPlot.AlignedData,
          host,
        );
        plot.over.addEventListener('click', () => {
          const token = plot.cursor.idx;
          const spans = choiceSpans(runId, choice, false);
          if (token === null || token === undefined || !spans) return;
          const span = spans.spanOfToken(token);
          if (span !== null) onSelectRef.current(span);
        });
        plotRef.current = plot;
      },
      () => setFailed(true),
    );
    return () => {
      cancelled = true;
      plotRef.current?.destroy();
      plotRef.current = null;
    };
  }, [runId, choice]);

  useEffect(() => {
    const source = choiceTokenStore(runId, choice);
    if (plotRef.current && source) plotRef.current.setData(probabilitySeries(source) as uPlot.AlignedData);
  }, [runId, choice, version, finished]);

  return (
    <div className="probability-chart" ref={hostRef} data-testid={testId}>
      {failed ? <p className="field-error">The chart could not be loaded.</p> : null}
    </div>
  );
}

/** "Probability chart" disclosure: token probability along the sequence; click a point to select it. */
export function ProbabilityChart(props: ProbabilityChartProps) {
  const [open, setOpen] = useState(false);
  return (
    <details className="chart-disclosure" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Probability chart</summary>
      {open ? <Chart {...props} /> : null}
    </details>
  );
}
