/**
 * Fills heatmap blocks without long frames: work is done at once while the current slice of time
 * lasts, the rest is queued and done in later slices (a macrotask each, so the browser paints and
 * handles input in between). The first screen of a 100,000-token heatmap paints after one slice.
 */
export interface FillScheduler {
  /** Runs `job` now if the current slice has time left, else queues it. Returns a cancel function. */
  fill(key: object, job: () => void): () => void;
  /** Runs the queued job of `key` now (e.g. the block holding a token the user selects). */
  fillNow(key: object): void;
  /** Jobs waiting. */
  readonly pending: number;
}

export interface SchedulerClock {
  now(): number;
  defer(callback: () => void): void;
}

export function createFillScheduler(sliceMs: number, clock: SchedulerClock): FillScheduler {
  const queue = new Map<object, () => void>();
  let sliceStart: number | null = null;
  let draining = false;

  const inSlice = (): boolean => {
    const now = clock.now();
    if (sliceStart === null) {
      sliceStart = now;
      // The slice ends with the current task.
      clock.defer(() => (sliceStart = null));
    }
    return now - sliceStart < sliceMs;
  };

  const drain = (): void => {
    draining = false;
    const start = clock.now();
    for (const [key, job] of queue) {
      if (clock.now() - start >= sliceMs) break;
      queue.delete(key);
      job();
    }
    if (queue.size > 0) schedule();
  };

  const schedule = (): void => {
    if (draining) return;
    draining = true;
    clock.defer(drain);
  };

  return {
    fill(key, job) {
      if (queue.size === 0 && inSlice()) {
        job();
        return () => {};
      }
      queue.set(key, job);
      schedule();
      return () => {
        if (queue.get(key) === job) queue.delete(key);
      };
    },
    fillNow(key) {
      const job = queue.get(key);
      if (!job) return;
      queue.delete(key);
      job();
    },
    get pending() {
      return queue.size;
    },
  };
}

/** The renderer's scheduler: 12 ms slices, one macrotask each. */
export const heatmapFills = createFillScheduler(12, {
  now: () => performance.now(),
  defer: (callback) => setTimeout(callback, 0),
});
