import { useRankByMean } from '../../heatmap/heatmapStore';
import { HeatmapControls } from '../../heatmap/HeatmapControls';
import { choiceRanking } from '../../heatmap/choiceFigures';
import { scaleFor } from '../../heatmap/spanView';
import { choiceTokenStore } from '../runTokens';
import { useChoiceIndexes, useRunHeader } from '../store';
import { ChoicePanel } from './ChoicePanel';
import { RunErrorPanel } from './RunErrorPanel';
import { RunHeader } from './RunHeader';

/**
 * One run: header, error (if any) and a panel per choice. Only the header re-renders on metadata
 * changes; choice text updates are confined to each choice's tail (or heatmap's last block).
 */
export function RunView({ runId, testIdPrefix = '' }: { runId: string; testIdPrefix?: string }) {
  const header = useRunHeader(runId);
  const indexes = useChoiceIndexes(runId);
  const rankByMean = useRankByMean();
  if (!header) return null;
  const withLogprobs = header.params.logprobs !== undefined && header.hasTokens;
  const ordered =
    withLogprobs && rankByMean && header.status !== 'running' && indexes.length > 1
      ? choiceRanking(
          indexes.map((choice) => ({ choice, source: choiceTokenStore(runId, choice) })),
          header.params,
        )
      : indexes;
  return (
    <div className="run-view">
      <RunHeader run={header} testIdPrefix={testIdPrefix} />
      {header.error ? <RunErrorPanel error={header.error} testId={`${testIdPrefix}run-error`} /> : null}
      {withLogprobs && testIdPrefix === '' ? (
        <HeatmapControls k={scaleFor(header.params).k} choiceCount={indexes.length} />
      ) : null}
      <div className={indexes.length > 1 ? 'choices is-grid' : 'choices'}>
        {ordered.map((index) => (
          <ChoicePanel
            key={index}
            runId={runId}
            index={index}
            testId={`${testIdPrefix}choice-${index}`}
            testIdPrefix={testIdPrefix}
            choices={indexes}
          />
        ))}
      </div>
    </div>
  );
}
