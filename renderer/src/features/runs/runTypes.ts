import type { EventPayload } from '@shared/contracts/api';
import type { CompletionParams } from '@shared/contracts/params';
import type { RequestPreview, RoutingInfo, RunError, RunSummary } from '@shared/contracts/runs';
import type { ChunkedText } from './chunkText';

/** `interrupted`: a saved run reopened from the history that was stopped or cut before it ended. */
export type RunStatus = 'running' | 'completed' | 'failed' | 'aborted' | 'truncated' | 'interrupted';

export interface ChoiceState extends ChunkedText {
  index: number;
  /** null until the choice finishes (and when the provider never said why). */
  finishReason: string | null;
}

export interface RunState {
  runId: string;
  profileId: string;
  params: CompletionParams;
  /** Epoch ms, for display. */
  startedAt: number;
  status: RunStatus;
  stopRequested: boolean;
  /** Reopened from the history: shown as it was saved, not spent in this session. */
  restored: boolean;
  /** Highest event seq applied; events at or below it are stale. */
  lastSeq: number;
  httpStatus: number | null;
  ttfbMs: number | null;
  routing: RoutingInfo | null;
  /** Sorted by index. */
  choices: readonly ChoiceState[];
  /**
   * Logprob tokens received so far. The tokens themselves live outside React state (runTokens.ts);
   * this count doubles as their version number (one store write per frame).
   */
  tokenCount: number;
  /** When each response chunk arrived (ms after the request was sent), one entry per batch. */
  arrivalBatches: readonly (readonly number[])[];
  request: RequestPreview | null;
  summary: RunSummary | null;
  error: RunError | null;
}

export type RunEventName = 'run.responded' | 'run.batch' | 'run.completed' | 'run.failed' | 'run.aborted';

export type RunEvent = {
  [E in RunEventName]: { name: E; payload: EventPayload<E> };
}[RunEventName];

export const runEventNames: readonly RunEventName[] = [
  'run.responded',
  'run.batch',
  'run.completed',
  'run.failed',
  'run.aborted',
];

export function isTerminalEvent(event: RunEvent): boolean {
  return event.name !== 'run.responded' && event.name !== 'run.batch';
}

export function isActive(run: Pick<RunState, 'status'> | undefined): boolean {
  return run?.status === 'running';
}
