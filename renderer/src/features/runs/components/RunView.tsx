import { useChoiceIndexes, useRunHeader } from '../store';
import { ChoicePanel } from './ChoicePanel';
import { RunErrorPanel } from './RunErrorPanel';
import { RunHeader } from './RunHeader';

/**
 * One run: header, error (if any) and a panel per choice. Only the header re-renders on metadata
 * changes; choice text updates are confined to each choice's tail.
 */
export function RunView({ runId, testIdPrefix = '' }: { runId: string; testIdPrefix?: string }) {
  const header = useRunHeader(runId);
  const indexes = useChoiceIndexes(runId);
  if (!header) return null;
  return (
    <div className="run-view">
      <RunHeader run={header} testIdPrefix={testIdPrefix} />
      {header.error ? <RunErrorPanel error={header.error} testId={`${testIdPrefix}run-error`} /> : null}
      <div className={indexes.length > 1 ? 'choices is-grid' : 'choices'}>
        {indexes.map((index) => (
          <ChoicePanel key={index} runId={runId} index={index} testId={`${testIdPrefix}choice-${index}`} />
        ))}
      </div>
    </div>
  );
}
