import { memo, useId } from 'react';
import { HEATMAP_MODES, legendFor, type HeatmapMode } from '@shared/logprobs/heatmapScale';
import { heatmapActions, useHeatmapMode, useRankByMean } from './heatmapStore';

const MODE_LABELS: Record<HeatmapMode, string> = {
  probability: 'Probability',
  surprisal: 'Surprisal',
  entropy: 'Entropy',
  rank: 'Rank',
};

function isMode(value: string): value is HeatmapMode {
  return (HEATMAP_MODES as readonly string[]).includes(value);
}

/** The mode selector and the legend of the scale (with the underline cue explained). */
/** Memoised: its run's view re-renders as the run ends, the controls need not (react-aria's checkbox is not cheap). */
export const HeatmapControls = memo(function HeatmapControls({
  k,
  choiceCount,
}: {
  k: number;
  choiceCount: number;
}) {
  const mode = useHeatmapMode();
  const rankByMean = useRankByMean();
  const selectId = useId();
  const rankId = useId();
  const legend = legendFor(mode, { k });
  const description = `${legend.title}: ${legend.description} From ${legend.stops[0]?.label ?? ''} to ${legend.stops.at(-1)?.label ?? ''}. ${legend.underline} ${legend.noValue}`;
  return (
    <div className="heatmap-controls" data-testid="heatmap-controls">
      <label htmlFor={selectId} className="heatmap-mode-label">
        Heatmap mode
      </label>
      <select
        id={selectId}
        className="heatmap-mode"
        value={mode}
        onChange={(event) => {
          if (isMode(event.target.value)) heatmapActions.modeChanged(event.target.value);
        }}
      >
        {HEATMAP_MODES.map((value) => (
          <option key={value} value={value}>
            {MODE_LABELS[value]}
          </option>
        ))}
      </select>
      <div className="heatmap-legend" role="img" aria-label={description} data-testid="heatmap-legend">
        <span className="legend-end" aria-hidden="true">
          {legend.stops[0]?.label}
        </span>
        {legend.stops.map((stop) => (
          <span
            key={stop.bucket}
            className={`legend-swatch h${stop.bucket}`}
            title={stop.label}
            aria-hidden="true"
          />
        ))}
        <span className="legend-end" aria-hidden="true">
          {legend.stops.at(-1)?.label}
        </span>
        <span className="legend-note" aria-hidden="true">
          <span className="tok low">underlined</span> = under 50% likely ·{' '}
          <span className="tok hn">plain</span> = no value
        </span>
      </div>
      {choiceCount > 1 ? (
        <span className="heatmap-rank-toggle">
          <input
            id={rankId}
            type="checkbox"
            checked={rankByMean}
            onChange={(event) => heatmapActions.rankByMeanToggled(event.target.checked)}
          />
          <label htmlFor={rankId}>Rank by mean logprob</label>
        </span>
      ) : null}
    </div>
  );
});
