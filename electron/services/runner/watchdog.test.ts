import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWatchdog } from './watchdog';
import type { Clock } from './timers';

const fakeClock = (): Clock => ({
  now: () => Date.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createWatchdog', () => {
  it('fires once after the timeout when nothing arrives', () => {
    const onTimeout = vi.fn();
    const dog = createWatchdog(fakeClock(), 1000, onTimeout);
    dog.start();
    vi.advanceTimersByTime(999);
    expect(onTimeout).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onTimeout).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(onTimeout).toHaveBeenCalledTimes(1);
  });

  it('touch restarts the silence without creating a timer per touch', () => {
    const clock = fakeClock();
    const setTimer = vi.spyOn(clock, 'setTimer');
    const onTimeout = vi.fn();
    const dog = createWatchdog(clock, 1000, onTimeout);
    dog.start();
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(200);
      dog.touch();
    }
    expect(onTimeout).not.toHaveBeenCalled();
    expect(setTimer.mock.calls.length).toBeLessThanOrEqual(5);
    vi.advanceTimersByTime(999);
    expect(onTimeout).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onTimeout).toHaveBeenCalledTimes(1);
  });

  it('stop prevents the timeout', () => {
    const onTimeout = vi.fn();
    const dog = createWatchdog(fakeClock(), 100, onTimeout);
    dog.start();
    dog.stop();
    vi.advanceTimersByTime(1000);
    expect(onTimeout).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
