import type { Profile } from '@shared/contracts/profiles';
import type { RequestPreview, RunStartInput } from '@shared/contracts/runs';
import type { ClientContext } from '../router';
import { launchRun, type ActiveRun, type FetchLike } from './launchRun';
import { prepareRequest } from './prepareRequest';
import { systemClock, type Clock } from './timers';

export interface RunManagerOptions {
  fetch: FetchLike;
  /** Monotonic milliseconds; default performance.now(). */
  now?: () => number;
  setTimer?: Clock['setTimer'];
  clearTimer?: Clock['clearTimer'];
  /** Shortest time between two `run.batch` events of a run. Default 16 ms (one frame). */
  flushIntervalMs?: number;
  resolveProfile(profileId: string): Promise<Profile | undefined> | Profile | undefined;
  /** The key for a profile's requests (stored, session or environment), if any. */
  resolveKey(profile: Profile): Promise<string | undefined> | string | undefined;
}

export interface RunManager {
  /**
   * Validates and builds the request, starts it, and resolves at once with the key-free preview;
   * the run then reports through `ctx.emit`. Rejects (nothing is emitted) for invalid params, an
   * unknown profile or a runId this client already has running.
   */
  start(input: RunStartInput, ctx: ClientContext): Promise<{ runId: string; request: RequestPreview }>;
  /** User stop: aborts at once, emits `run.aborted`. False when no such run is running for this client. */
  stop(runId: string, clientId: string): boolean;
  /** The client is gone: aborts its runs without emitting. */
  stopAllFor(clientId: string): void;
  /** Aborts every run without emitting; resolves when their work has settled. */
  dispose(): Promise<void>;
  /** Number of runs in flight. */
  activeCount(): number;
  /** Resolves when that run's async work is over (immediately when unknown). For tests and shutdown. */
  settled(runId: string, clientId: string): Promise<void>;
}

/** `run` is set right after launch (the entry exists first so the run can remove it whenever it ends). */
interface RunEntry {
  clientId: string;
  run: ActiveRun | undefined;
}

const runKey = (clientId: string, runId: string): string => `${clientId}\u0000${runId}`;

/** Runs are keyed per client: two windows may use the same run ids. */
export function createRunManager(options: RunManagerOptions): RunManager {
  const clock: Clock = {
    now: options.now ?? systemClock.now,
    setTimer: options.setTimer ?? systemClock.setTimer,
    clearTimer: options.clearTimer ?? systemClock.clearTimer,
  };
  const deps = { fetch: options.fetch, clock, flushIntervalMs: options.flushIntervalMs ?? 16 };
  const runs = new Map<string, RunEntry>();
  const settling = new Map<string, Promise<void>>();
  let disposed = false;

  const refuseDuplicate = (clientId: string, runId: string): void => {
    if (runs.has(runKey(clientId, runId))) throw new Error(`Run ${runId} is already running`);
  };

  return {
    async start(input, ctx) {
      if (disposed) throw new Error('The app is shutting down');
      refuseDuplicate(ctx.clientId, input.runId);
      const profile = await options.resolveProfile(input.profileId);
      if (!profile) throw new Error(`Unknown profile: ${input.profileId}`);
      const key = await options.resolveKey(profile);
      const { built, preview } = prepareRequest(profile, input.params, key);
      // Checked again: another start with the same id may have won while we awaited.
      if (disposed) throw new Error('The app is shutting down');
      refuseDuplicate(ctx.clientId, input.runId);
      const id = runKey(ctx.clientId, input.runId);
      const entry: RunEntry = { clientId: ctx.clientId, run: undefined };
      runs.set(id, entry);
      const run = launchRun({ runId: input.runId, profile, built, key, emit: ctx.emit }, deps, () => {
        if (runs.get(id) === entry) runs.delete(id);
      });
      entry.run = run;
      const settled = run.settled.finally(() => {
        if (settling.get(id) === settled) settling.delete(id);
      });
      settling.set(id, settled);
      return { runId: input.runId, request: preview };
    },
    stop(runId, clientId) {
      return runs.get(runKey(clientId, runId))?.run?.stop() ?? false;
    },
    stopAllFor(clientId) {
      for (const entry of [...runs.values()]) if (entry.clientId === clientId) entry.run?.abandon();
    },
    async dispose() {
      disposed = true;
      for (const entry of [...runs.values()]) entry.run?.abandon();
      await Promise.all([...settling.values()]);
    },
    activeCount() {
      return runs.size;
    },
    async settled(runId, clientId) {
      await settling.get(runKey(clientId, runId));
    },
  };
}
