/** Injectable clock and timers, so tests control time. */
export type TimerHandle = unknown;

export interface Clock {
  /** Milliseconds from an arbitrary origin (monotonic in production: performance.now()). */
  now(): number;
  setTimer(callback: () => void, ms: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
