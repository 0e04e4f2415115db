import type { RunBatch } from '@shared/contracts/runs';
import type { NormalizedToken } from '@shared/completions/normalize';
import { PackedTokensBuilder } from '@shared/logprobs/packedTokens';
import type { Clock, TimerHandle } from './timers';

/** A batch without the envelope fields the run emitter adds. */
export type BatchBody = Omit<RunBatch, 'runId' | 'seq'>;

export interface Batcher {
  addText(choice: number, text: string): void;
  addTokens(choice: number, tokens: readonly NormalizedToken[]): void;
  finish(choice: number, finishReason: string | null): void;
  /** Records that a response chunk arrived `msSinceStart` after the request was sent. */
  addArrival(msSinceStart: number): void;
  /** Emits what is pending now (before a terminal event); no-op when nothing is. */
  flush(): void;
  /** Drops what is pending and cancels the timer. */
  dispose(): void;
}

interface Pending {
  /** Text pieces per choice, in order of first arrival; joined once per batch. */
  text: Map<number, string[]>;
  tokens: PackedTokensBuilder | null;
  finished: Array<{ index: number; finishReason: string | null }>;
  arrivals: number[];
}

const emptyPending = (): Pending => ({
  text: new Map(),
  tokens: null,
  finished: [],
  arrivals: [],
});

/**
 * Coalesces everything that arrives for one run and emits it at most once per `intervalMs`:
 * text deltas joined per choice, token columns appended, finished choices listed. The first batch
 * goes out on the next timer turn; later ones at least `intervalMs` after the previous one.
 */
export function createBatcher(clock: Clock, intervalMs: number, emit: (batch: BatchBody) => void): Batcher {
  let pending = emptyPending();
  let empty = true;
  let timer: TimerHandle | undefined;
  let lastFlushAt = Number.NEGATIVE_INFINITY;
  let disposed = false;

  const schedule = (): void => {
    empty = false;
    if (timer !== undefined || disposed) return;
    const delay = Math.max(0, lastFlushAt + intervalMs - clock.now());
    timer = clock.setTimer(onTimer, delay);
  };
  function onTimer(): void {
    timer = undefined;
    flush();
  }
  function flush(): void {
    if (timer !== undefined) {
      clock.clearTimer(timer);
      timer = undefined;
    }
    if (empty || disposed) return;
    const batch = toBatch(pending);
    pending = emptyPending();
    empty = true;
    lastFlushAt = clock.now();
    emit(batch);
  }

  return {
    addText(choice, text) {
      if (text === '') return;
      const pieces = pending.text.get(choice);
      if (pieces) pieces.push(text);
      else pending.text.set(choice, [text]);
      schedule();
    },
    addTokens(choice, tokens) {
      if (tokens.length === 0) return;
      const builder = (pending.tokens ??= new PackedTokensBuilder());
      for (const token of tokens)
        builder.add(choice, token.token, token.logprob, token.top, token.bytes, token.offset);
      schedule();
    },
    finish(choice, finishReason) {
      pending.finished.push({ index: choice, finishReason });
      schedule();
    },
    addArrival(msSinceStart) {
      // Rides along with the next batch; an arrival alone does not need a batch of its own.
      pending.arrivals.push(Math.round(msSinceStart * 10) / 10);
    },
    flush,
    dispose() {
      disposed = true;
      if (timer !== undefined) clock.clearTimer(timer);
      timer = undefined;
      pending = emptyPending();
      empty = true;
    },
  };
}

function toBatch(pending: Pending): BatchBody {
  const choice: number[] = [];
  const delta: string[] = [];
  for (const [index, pieces] of pending.text) {
    choice.push(index);
    delta.push(pieces.length === 1 ? (pieces[0] ?? '') : pieces.join(''));
  }
  const batch: BatchBody = { text: { choice, delta } };
  if (pending.tokens) batch.tokens = pending.tokens.build();
  if (pending.finished.length > 0) batch.finished = pending.finished;
  if (pending.arrivals.length > 0) batch.arrivals = pending.arrivals;
  return batch;
}
