import type { HistoryRun, HistoryStatus } from '@shared/contracts/history';
import { appendText, emptyText } from './chunkText';
import type { RunState, RunStatus } from './runTypes';

/**
 * A saved run's status as a finished run's: one still "running" in the file did not end, and Stop
 * ("aborted" in older files) is shown as interrupted.
 */
export function restoredStatus(status: HistoryStatus): RunStatus {
  return status === 'running' || status === 'aborted' ? 'interrupted' : status;
}

/** The saved run's HTTP status: its error's, else 200 when an answer arrived (the file keeps no other). */
function httpStatusOf(saved: HistoryRun): number | null {
  if (saved.error) return saved.error.status ?? null;
  return saved.summary !== null || saved.choices.some((choice) => choice.text !== '') ? 200 : null;
}

/**
 * A saved run as the output pane shows it: finished, its texts, finish reasons, summary, error and
 * chunk arrivals as they were. Its logprob tokens go to the token stores separately (see the store's
 * runRestored); `tokenCount` already counts them.
 */
export function restoredRun(saved: HistoryRun): RunState {
  const { entry, summary } = saved;
  return {
    runId: entry.id,
    profileId: entry.profileId,
    params: saved.params,
    startedAt: entry.createdAt,
    status: restoredStatus(entry.status),
    stopRequested: false,
    restored: true,
    lastSeq: -1,
    httpStatus: httpStatusOf(saved),
    ttfbMs: summary?.timing.ttfbMs ?? null,
    routing: summary?.routing ?? null,
    choices: saved.choices.map((choice) => ({
      index: choice.index,
      finishReason: choice.finishReason,
      ...appendText(emptyText, choice.text),
    })),
    tokenCount: saved.choices.reduce((sum, choice) => sum + (choice.tokens?.token.length ?? 0), 0),
    arrivalBatches: saved.arrivals.length > 0 ? [saved.arrivals] : [],
    request: saved.request,
    summary,
    error: saved.error,
  };
}
