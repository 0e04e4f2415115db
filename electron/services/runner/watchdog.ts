import type { Clock, TimerHandle } from './timers';

export interface Watchdog {
  /** Arms the watchdog; the silence is measured from now. */
  start(): void;
  /** Something arrived: the silence starts again. Cheap: no timer is re-created. */
  touch(): void;
  stop(): void;
}

/**
 * Calls `onTimeout` once when nothing `touch`ed it for `timeoutMs`. Uses one timer at a time: when
 * it fires early (because of touches), it re-arms for the remaining time instead of resetting a
 * timer on every chunk.
 */
export function createWatchdog(clock: Clock, timeoutMs: number, onTimeout: () => void): Watchdog {
  let handle: TimerHandle | undefined;
  let lastActivity = 0;
  let running = false;

  const arm = (ms: number): void => {
    handle = clock.setTimer(check, ms);
  };
  function check(): void {
    handle = undefined;
    if (!running) return;
    const silent = clock.now() - lastActivity;
    if (silent >= timeoutMs) {
      running = false;
      onTimeout();
    } else {
      arm(timeoutMs - silent);
    }
  }

  return {
    start() {
      running = true;
      lastActivity = clock.now();
      if (handle === undefined) arm(timeoutMs);
    },
    touch() {
      lastActivity = clock.now();
    },
    stop() {
      running = false;
      if (handle !== undefined) clock.clearTimer(handle);
      handle = undefined;
    },
  };
}
