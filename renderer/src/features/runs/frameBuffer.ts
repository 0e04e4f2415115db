import type { ScheduleFrame } from '../../ui/frameTurns';

export type { ScheduleFrame };

export interface FrameBuffer<E> {
  push(event: E): void;
  /** Applies everything queued now. */
  flush(): void;
  dispose(): void;
}

export interface FrameBufferOptions<E> {
  schedule: ScheduleFrame;
  /** Receives every queued event at once: one store write per frame. */
  apply(events: E[]): void;
  /** Events that must not wait for a frame (a run's terminal event). */
  isUrgent?(event: E): boolean;
  /**
   * Staggering: events belong to streams (`keyOf`, e.g. the run), and a frame applies the events of
   * at most `maxKeysPerFrame` streams, those that have waited longest; the others keep theirs for a
   * later frame (in order). Several streams updating at once then take turns instead of all
   * re-rendering in every frame. An urgent event flushes its own stream at once.
   */
  stagger?: { keyOf(event: E): string; maxKeysPerFrame: number };
}

/**
 * Coalesces incoming events into one `apply` call per frame. Urgent events flush immediately,
 * together with everything queued before them, so the final state never waits on a frame that a
 * hidden window may never paint.
 */
export function createFrameBuffer<E>(options: FrameBufferOptions<E>): FrameBuffer<E> {
  let queue: E[] = [];
  let cancel: (() => void) | null = null;
  const stagger = options.stagger;
  /** Frame number when each stream was last applied (staggering only). */
  const lastApplied = new Map<string, number>();
  let frame = 0;

  function schedule(): void {
    cancel ??= options.schedule(() => {
      cancel = null;
      onFrame();
    });
  }

  function flush(): void {
    cancel?.();
    cancel = null;
    if (queue.length === 0) return;
    const events = queue;
    queue = [];
    options.apply(events);
  }

  /**
   * Staggering: applies the queued events of the streams `take` picks (each in order); the others
   * keep theirs for a later frame. An urgent event takes only its own stream, so several runs ending
   * close together do not each apply everything.
   */
  function applyStreams(keyOf: (event: E) => string, take: (key: string) => boolean): void {
    const now: E[] = [];
    const later: E[] = [];
    for (const event of queue) (take(keyOf(event)) ? now : later).push(event);
    queue = later;
    if (later.length > 0) schedule();
    else {
      cancel?.();
      cancel = null;
    }
    options.apply(now);
  }

  /** One frame: everything, or (staggering) the longest-waiting streams' events. */
  function onFrame(): void {
    frame += 1;
    if (!stagger || queue.length === 0) return flush();
    const keys = [...new Set(queue.map((event) => stagger.keyOf(event)))];
    if (keys.length <= stagger.maxKeysPerFrame) {
      for (const key of keys) lastApplied.set(key, frame);
      return flush();
    }
    keys.sort((a, b) => (lastApplied.get(a) ?? 0) - (lastApplied.get(b) ?? 0));
    const chosen = new Set(keys.slice(0, stagger.maxKeysPerFrame));
    for (const key of chosen) lastApplied.set(key, frame);
    if (lastApplied.size > 256)
      for (const key of [...lastApplied.keys()]) if (!keys.includes(key)) lastApplied.delete(key);
    applyStreams(stagger.keyOf, (key) => chosen.has(key));
  }

  return {
    push(event) {
      queue.push(event);
      if (!options.isUrgent?.(event)) schedule();
      else if (stagger) {
        const own = stagger.keyOf(event);
        applyStreams(stagger.keyOf, (key) => key === own);
      } else flush();
    },
    flush,
    dispose() {
      cancel?.();
      cancel = null;
      queue = [];
      lastApplied.clear();
    },
  };
}

/**
 * `requestAnimationFrame`, with a timer as a backstop: a hidden window gets no frames, and the
 * stream must still land.
 */
export const scheduleAnimationFrame: ScheduleFrame = (callback) => {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    callback();
  };
  const frame = requestAnimationFrame(once);
  const timer = setTimeout(once, 250);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};
