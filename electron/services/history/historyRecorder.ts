import { randomBytes } from 'node:crypto';
import type { ProviderKind } from '@shared/contracts/profiles';
import type { RequestPreview, RunStartInput } from '@shared/contracts/runs';
import type { ClientContext } from '../router';
import { systemClock, type Clock, type TimerHandle } from '../runner/timers';
import { HistoryRunBuilder, type RunMeta } from './historyRunBuilder';
import type { HistoryStore } from './historyStore';

/** Time between two saves of a streaming run (a crash loses at most this much), unless saving is slow. */
export const HISTORY_SAVE_INTERVAL_MS = 1000;
/**
 * Saving a run rewrites its whole file (build + JSON of every token so far), so its cost grows with
 * the run: the next save waits at least this many times as long as the last one took, which keeps
 * saving to about a tenth of the time however long the run gets (instead of O(n²) work).
 */
export const HISTORY_SAVE_COST_FACTOR = 10;
/** ...but never longer than this between two saves. */
export const HISTORY_MAX_SAVE_INTERVAL_MS = 10_000;
/**
 * A run's final save waits this long after its end. Saving a big run (every token as JSON, then the
 * file) is hundreds of milliseconds of CPU at the very moment the client renders the result; on a
 * 2-core machine that delayed the first paint of a 100,000-token heatmap by 150–250 ms. History
 * reads call `flush()` first, so they never see a run as it was before its end.
 */
export const HISTORY_FINAL_SAVE_DELAY_MS = 1000;

export interface HistoryRecorderOptions {
  store: Pick<HistoryStore, 'save' | 'has'>;
  setTimer?: Clock['setTimer'];
  clearTimer?: Clock['clearTimer'];
  /** Wall clock for `createdAt`, epoch ms. Default Date.now. */
  wallNow?: () => number;
  /** Monotonic clock (ms) that times saves. Default performance.now. */
  now?: () => number;
  saveIntervalMs?: number;
  /** A save failed (the store also reports it in its warning). */
  onError?: (error: unknown) => void;
}

export interface TrackedRun {
  /** The client context to give runs.start: every event also goes to the history. */
  readonly ctx: ClientContext;
  /** runs.start resolved: the run is saved now (status running) and then as it streams. */
  started(request: RequestPreview): void;
  /** runs.start rejected: nothing ran, nothing is saved. */
  cancel(): void;
}

export interface HistoryRecorder {
  track(
    ctx: ClientContext,
    input: RunStartInput,
    profile: { id: string; name: string; kind: ProviderKind },
  ): TrackedRun;
  /** The client is gone (its runs were abandoned without events): save them as interrupted. */
  clientClosed(clientId: string): void;
  /** Makes the final saves still waiting now, and waits for every save: call it before reading the history. */
  flush(): Promise<void>;
  /** Saves every unfinished run as interrupted and waits for all saves. */
  dispose(): Promise<void>;
}

interface Recording {
  clientId: string;
  builder: HistoryRunBuilder;
  meta: Omit<RunMeta, 'request' | 'id'> & { id?: string; request?: RequestPreview };
  timer: TimerHandle | undefined;
  closed: boolean;
  /** How long the last save took, from building the run to its file being written (ms). */
  lastSaveMs: number;
}

/**
 * Tees the run events of `runs.start` into the history store: the run file is written when the run
 * starts, at most once per `saveIntervalMs` while it streams, and when it ends (completed, failed,
 * truncated, or interrupted: stopped by the user, or its client went away).
 */
export function createHistoryRecorder(options: HistoryRecorderOptions): HistoryRecorder {
  const { store } = options;
  const setTimer = options.setTimer ?? systemClock.setTimer;
  const clearTimer = options.clearTimer ?? systemClock.clearTimer;
  const wallNow = options.wallNow ?? Date.now;
  const now = options.now ?? (() => performance.now());
  const interval = options.saveIntervalMs ?? HISTORY_SAVE_INTERVAL_MS;
  const nextSaveDelay = (recording: Recording): number =>
    Math.min(
      Math.max(interval, recording.lastSaveMs * HISTORY_SAVE_COST_FACTOR),
      Math.max(interval, HISTORY_MAX_SAVE_INTERVAL_MS),
    );
  const active = new Set<Recording>();
  /** Ended runs whose final save is waiting for its timer. */
  const ending = new Set<Recording>();
  const pending = new Set<Promise<void>>();
  /** History ids this recorder handed out (two clients may use the same run id). */
  const claimed = new Set<string>();
  const save = (recording: Recording): void => {
    const { meta } = recording;
    if (meta.id === undefined || meta.request === undefined) return;
    const startedAt = now();
    const run = recording.builder.build({ ...meta, id: meta.id, request: meta.request });
    const saving = store
      .save(run)
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        recording.lastSaveMs = now() - startedAt;
      });
    pending.add(saving);
    void saving.finally(() => pending.delete(saving));
  };

  const finalSave = (recording: Recording): void => {
    if (recording.timer !== undefined) clearTimer(recording.timer);
    recording.timer = undefined;
    ending.delete(recording);
    save(recording);
  };

  /** The run ended: no more events are recorded, and its final save is made a moment later. */
  const finish = (recording: Recording): void => {
    if (recording.timer !== undefined) clearTimer(recording.timer);
    recording.closed = true;
    active.delete(recording);
    ending.add(recording);
    recording.timer = setTimer(() => {
      recording.timer = undefined;
      finalSave(recording);
    }, HISTORY_FINAL_SAVE_DELAY_MS);
  };

  /** Final saves now, until none is waiting and nothing is pending (a run named meanwhile may end). */
  const flush = async (): Promise<void> => {
    for (;;) {
      for (const recording of [...ending]) finalSave(recording);
      if (pending.size === 0) return;
      await Promise.all([...pending]);
    }
  };

  const onEvent = (
    recording: Recording,
    name: Parameters<ClientContext['emit']>[0],
    payload: unknown,
  ): void => {
    if (recording.closed) return;
    recording.builder.apply(name, payload);
    if (recording.meta.id === undefined) return; // saved once runs.start has resolved
    if (recording.builder.ended) finish(recording);
    else if (recording.timer === undefined) {
      recording.timer = setTimer(() => {
        recording.timer = undefined;
        if (!recording.closed) save(recording);
      }, nextSaveDelay(recording));
    }
  };

  /** The run id, or a variant of it when the history already has that id. Claimed before awaiting. */
  const claimId = async (runId: string): Promise<string> => {
    let id = runId;
    for (;;) {
      if (!claimed.has(id)) {
        claimed.add(id);
        if (!(await store.has(id).catch(() => false))) return id;
      }
      id = `${runId.slice(0, 51)}-${randomBytes(6).toString('hex')}`;
    }
  };

  return {
    track(ctx, input, profile) {
      const recording: Recording = {
        clientId: ctx.clientId,
        builder: new HistoryRunBuilder(),
        meta: { createdAt: wallNow(), profile, params: input.params },
        timer: undefined,
        closed: false,
        lastSaveMs: 0,
      };
      active.add(recording);
      return {
        ctx: {
          clientId: ctx.clientId,
          emit(name, payload) {
            // The client first: the history's work (a save at the end) must not delay what the user sees.
            try {
              ctx.emit(name, payload);
            } finally {
              try {
                onEvent(recording, name, payload);
              } catch (error) {
                options.onError?.(error);
              }
            }
          },
        },
        started(request) {
          recording.meta.request = request;
          const naming = claimId(input.runId)
            .then((id) => {
              recording.meta.id = id;
              if (recording.builder.ended || recording.closed) finish(recording);
              else save(recording);
            })
            .catch((error: unknown) => options.onError?.(error));
          pending.add(naming);
          void naming.finally(() => pending.delete(naming));
        },
        cancel() {
          recording.closed = true;
          active.delete(recording);
        },
      };
    },
    clientClosed(clientId) {
      for (const recording of [...active]) {
        if (recording.clientId !== clientId) continue;
        recording.builder.interrupt();
        finish(recording);
      }
    },
    flush,
    async dispose() {
      for (const recording of [...active]) {
        recording.builder.interrupt();
        finish(recording);
      }
      await flush();
    },
  };
}
