import { memo, useState } from 'react';
import { Button } from 'react-aria-components';
import type { HistoryEntry } from '@shared/contracts/history';
import { costOf, formatUsd } from '@shared/cost/cost';
import { useResolvedPrice } from '../cost/useResolvedPrice';
import { CopyAsCurl } from '../export/CopyAsCurl';
import { formatDuration } from '../runs/format';
import { savedRequestSource } from './historyActions';
import { formatEntryTokens, formatRunTime, historyStatusLabel, promptLine } from './historyFormat';

export interface HistoryRowActions {
  reopen(entry: HistoryEntry): void;
  rerun(entry: HistoryEntry): void;
  remove(entry: HistoryEntry): void;
}

function RowCost({ entry }: { entry: HistoryEntry }) {
  const { price } = useResolvedPrice([entry.model], entry.profileId);
  const cost = costOf(entry.usage, price);
  return <span data-testid="history-row-cost">{cost ? formatUsd(cost.totalUsd) : '—'}</span>;
}

/**
 * One saved run: when, what, how it ended, its figures, and what can be done with it. Memoised: a
 * scroll re-renders the list, not the rows already in view.
 */
export const HistoryRow = memo(function HistoryRow({
  entry,
  position,
  count,
  now,
  actions,
  busy,
}: {
  entry: HistoryEntry;
  position: number;
  count: number;
  now: number;
  actions: HistoryRowActions;
  busy: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const when = formatRunTime(entry.createdAt, now);
  const status = historyStatusLabel(entry.status);
  const prompt = promptLine(entry.promptPreview);
  return (
    <li
      className="history-row"
      data-testid="history-row"
      data-run-id={entry.id}
      aria-posinset={position + 1}
      aria-setsize={count}
      aria-label={`${when}, ${entry.model}, ${status}`}
    >
      <div className="history-row-main">
        <div className="history-row-line">
          <span className={`status-badge status-${status}`} data-testid="history-row-status">
            {status}
          </span>
          <time className="history-row-time" dateTime={new Date(entry.createdAt).toISOString()}>
            {when}
          </time>
          <span className="mono truncate" data-testid="history-row-model">
            {entry.model}
          </span>
          <span className="muted truncate">{entry.profileName}</span>
        </div>
        <div
          className="history-row-prompt truncate"
          data-testid="history-row-prompt"
          title={entry.promptPreview}
        >
          {prompt}
        </div>
        <dl className="history-row-facts">
          <div>
            <dt>Tokens</dt>
            <dd data-testid="history-row-tokens">{formatEntryTokens(entry.usage)}</dd>
          </div>
          <div>
            <dt>Cost</dt>
            <dd>
              <RowCost entry={entry} />
            </dd>
          </div>
          <div>
            <dt>TTFT</dt>
            <dd>{formatDuration(entry.ttftMs)}</dd>
          </div>
          {entry.errorTitle ? (
            <div className="history-row-error truncate">
              <dt className="visually-hidden">Error</dt>
              <dd title={entry.errorTitle}>{entry.errorTitle}</dd>
            </div>
          ) : null}
        </dl>
      </div>
      <div className="history-row-actions">
        <div className="button-row">
          <Button className="button button-small" isDisabled={busy} onPress={() => actions.reopen(entry)}>
            Reopen
          </Button>
          <Button className="button button-small" isDisabled={busy} onPress={() => actions.rerun(entry)}>
            Re-run
          </Button>
          {confirming ? (
            <span className="confirm" role="group" aria-label="Confirm delete">
              <span>Delete this run?</span>
              <Button
                className="button button-small button-danger"
                onPress={() => {
                  setConfirming(false);
                  actions.remove(entry);
                }}
              >
                Delete run
              </Button>
              <Button className="button button-small" onPress={() => setConfirming(false)}>
                Cancel
              </Button>
            </span>
          ) : (
            <Button className="button button-small button-danger" onPress={() => setConfirming(true)}>
              Delete
            </Button>
          )}
        </div>
        <CopyAsCurl
          getSource={() => savedRequestSource(entry.id)}
          profileId={entry.profileId}
          label={`Export the run of ${when}`}
        />
      </div>
    </li>
  );
});
