import type { CompletionParams } from '@shared/contracts/params';
import type { RequestPreview, RunError, RunSummary } from '@shared/contracts/runs';
import type { PackedTokens } from '@shared/logprobs/packedTokens';
import { appendText } from './chunkText';
import type { ChoiceState, RunEvent, RunState } from './runTypes';

export interface NewRun {
  runId: string;
  profileId: string;
  params: CompletionParams;
  startedAt: number;
}

/** Choices the response will have: n per prompt (best_of picks among candidates, it returns n). */
export function expectedChoiceCount(params: CompletionParams): number {
  const prompts = Array.isArray(params.prompt) ? params.prompt.length : 1;
  return Math.max(1, Math.min(prompts * (params.n ?? 1), 512));
}

function emptyChoice(index: number): ChoiceState {
  return { index, chunks: [], tail: '', finishReason: null };
}

/** A run as soon as the user starts it, with a panel per expected choice (no layout shift later). */
export function createRun(input: NewRun): RunState {
  return {
    ...input,
    status: 'running',
    stopRequested: false,
    restored: false,
    lastSeq: -1,
    httpStatus: null,
    ttfbMs: null,
    routing: null,
    choices: Array.from({ length: expectedChoiceCount(input.params) }, (_, index) => emptyChoice(index)),
    tokenCount: 0,
    arrivalBatches: [],
    request: null,
    summary: null,
    error: null,
  };
}

/** Replaces (or inserts, keeping index order) the choice `index` with `update(choice)`. */
function updateChoice(
  choices: readonly ChoiceState[],
  index: number,
  update: (choice: ChoiceState) => ChoiceState,
): readonly ChoiceState[] {
  const position = choices.findIndex((choice) => choice.index === index);
  if (position !== -1) {
    const current = choices[position] as ChoiceState;
    const next = update(current);
    if (next === current) return choices;
    const copy = [...choices];
    copy[position] = next;
    return copy;
  }
  const inserted = [...choices, update(emptyChoice(index))];
  return inserted.sort((a, b) => a.index - b.index);
}

function withFinishReasons(
  choices: readonly ChoiceState[],
  finished: ReadonlyArray<{ index: number; finishReason: string | null }>,
): readonly ChoiceState[] {
  let next = choices;
  for (const { index, finishReason } of finished) {
    next = updateChoice(next, index, (choice) =>
      choice.finishReason === finishReason || finishReason === null ? choice : { ...choice, finishReason },
    );
  }
  return next;
}

function withSummary(run: RunState, summary: RunSummary): RunState {
  return {
    ...run,
    summary,
    routing: summary.routing,
    choices: withFinishReasons(run.choices, summary.choices),
  };
}

/** Applies one event to its run; the caller has checked order and that the run is still active. */
export function applyRunEvent(run: RunState, event: RunEvent): RunState {
  const seq = event.payload.seq;
  switch (event.name) {
    case 'run.responded': {
      const { status, routing, ttfbMs } = event.payload;
      return { ...run, lastSeq: seq, httpStatus: status, routing, ttfbMs };
    }
    case 'run.batch': {
      const { text, tokens, finished, arrivals } = event.payload;
      let choices = run.choices;
      text.choice.forEach((index, k) => {
        const delta = text.delta[k] ?? '';
        choices = updateChoice(choices, index, (choice) => {
          const appended = appendText(choice, delta);
          return appended === choice ? choice : { ...choice, ...appended };
        });
      });
      if (finished) choices = withFinishReasons(choices, finished);
      const tokenCount = tokens?.text.length ?? 0;
      return {
        ...run,
        lastSeq: seq,
        choices,
        tokenCount: run.tokenCount + tokenCount,
        arrivalBatches:
          arrivals && arrivals.length > 0 ? [...run.arrivalBatches, arrivals] : run.arrivalBatches,
      };
    }
    case 'run.completed':
      return { ...withSummary(run, event.payload.summary), lastSeq: seq, status: 'completed' };
    case 'run.aborted':
      return { ...withSummary(run, event.payload.summary), lastSeq: seq, status: 'aborted' };
    case 'run.failed': {
      const { error, summary } = event.payload;
      const status = error.kind === 'truncated' ? 'truncated' : 'failed';
      return { ...withSummary(run, summary), lastSeq: seq, status, error };
    }
  }
}

/**
 * Applies a frame's worth of events to every run they concern, in seq order per run. Events for
 * unknown runs, stale or duplicate seqs, and anything after a run's terminal event are ignored.
 * Returns `runs` itself when nothing changed. `onTokens` receives the logprob columns of every batch
 * that is applied (exactly once each), for the token stores kept outside the state.
 */
export function applyRunEvents(
  runs: Readonly<Record<string, RunState>>,
  events: readonly RunEvent[],
  onTokens?: (runId: string, tokens: PackedTokens) => void,
): Readonly<Record<string, RunState>> {
  const byRun = new Map<string, RunEvent[]>();
  for (const event of events) {
    const runId = event.payload.runId;
    if (!(runId in runs)) continue;
    const list = byRun.get(runId);
    if (list) list.push(event);
    else byRun.set(runId, [event]);
  }
  if (byRun.size === 0) return runs;
  let next: Record<string, RunState> | null = null;
  for (const [runId, list] of byRun) {
    const original = runs[runId] as RunState;
    let run = original;
    list.sort((a, b) => a.payload.seq - b.payload.seq);
    for (const event of list) {
      if (run.status !== 'running' || event.payload.seq <= run.lastSeq) continue;
      if (event.name === 'run.batch' && event.payload.tokens && event.payload.tokens.text.length > 0)
        onTokens?.(runId, event.payload.tokens);
      run = applyRunEvent(run, event);
    }
    if (run !== original) (next ??= { ...runs })[runId] = run;
  }
  return next ?? runs;
}

/**
 * Adds `run` as the newest and forgets the oldest beyond `limit` (never one that is still
 * running: its events still need a home).
 */
export function withNewRun(
  state: { runs: Readonly<Record<string, RunState>>; order: readonly string[] },
  run: RunState,
  limit: number,
): { runs: Record<string, RunState>; order: string[] } {
  const order = [run.runId, ...state.order.filter((runId) => runId !== run.runId)].filter(
    (runId, position) => position < limit || state.runs[runId]?.status === 'running',
  );
  const runs: Record<string, RunState> = {};
  for (const runId of order) {
    const kept = runId === run.runId ? run : state.runs[runId];
    if (kept) runs[runId] = kept;
  }
  return { runs, order };
}

export function withRequest(run: RunState, request: RequestPreview): RunState {
  return { ...run, request };
}

/** `runs.start` itself failed (invalid input, unknown profile, lost connection): no events will come. */
export function failedToStart(run: RunState, error: RunError): RunState {
  if (run.status !== 'running') return run;
  return { ...run, status: 'failed', error };
}
