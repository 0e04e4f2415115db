export interface SliceClock {
  now(): number;
  /** Runs `callback` in a later task; returns a cancel function. */
  defer(callback: () => void): () => void;
}

/**
 * Empties `elements` (their children are removed) a slice of time per task instead of all at once,
 * then calls `done`. Removing tens of thousands of nodes costs tens of milliseconds (each node's
 * layout object is torn down), which in one task is a long frame. Returns a cancel function.
 */
export function clearInSlices(
  elements: readonly { replaceChildren(): void }[],
  sliceMs: number,
  clock: SliceClock,
  done: () => void,
): () => void {
  let index = 0;
  let cancel: (() => void) | null = null;
  const step = (): void => {
    cancel = null;
    const start = clock.now();
    while (index < elements.length && clock.now() - start < sliceMs) elements[index++]?.replaceChildren();
    if (index < elements.length) cancel = clock.defer(step);
    else done();
  };
  cancel = clock.defer(step);
  return () => cancel?.();
}

/** The renderer's clock: a macrotask per slice, so frames are painted in between. */
export const taskClock: SliceClock = {
  now: () => performance.now(),
  defer: (callback) => {
    const timer = setTimeout(callback, 0);
    return () => clearTimeout(timer);
  },
};
