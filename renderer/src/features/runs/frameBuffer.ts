/** Asks for `callback` to run once soon (next frame); returns a cancel function. */
export type ScheduleFrame = (callback: () => void) => () => void;

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
}

/**
 * Coalesces incoming events into one `apply` call per frame. Urgent events flush immediately,
 * together with everything queued before them, so the final state never waits on a frame that a
 * hidden window may never paint.
 */
export function createFrameBuffer<E>(options: FrameBufferOptions<E>): FrameBuffer<E> {
  let queue: E[] = [];
  let cancel: (() => void) | null = null;

  function flush(): void {
    cancel?.();
    cancel = null;
    if (queue.length === 0) return;
    const events = queue;
    queue = [];
    options.apply(events);
  }

  return {
    push(event) {
      queue.push(event);
      if (options.isUrgent?.(event)) flush();
      else
        cancel ??= options.schedule(() => {
          cancel = null;
          flush();
        });
    },
    flush,
    dispose() {
      cancel?.();
      cancel = null;
      queue = [];
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
