import { describe, expect, it } from 'vitest';
import { createFillScheduler } from './fillScheduler';

function fakeClock() {
  let time = 0;
  const tasks: Array<() => void> = [];
  return {
    now: () => time,
    defer: (callback: () => void) => void tasks.push(callback),
    advance: (ms: number) => (time += ms),
    /** Runs the queued macrotasks (and those they queue) until none is left. */
    runTasks(limit = 1000) {
      for (let i = 0; i < limit && tasks.length > 0; i++) tasks.shift()?.();
    },
  };
}

describe('createFillScheduler', () => {
  it('does work at once within a slice, then queues and drains it a slice per task, in order', () => {
    const clock = fakeClock();
    const scheduler = createFillScheduler(10, clock);
    const done: number[] = [];
    const job = (id: number) => () => {
      done.push(id);
      clock.advance(4);
    };
    for (let id = 0; id < 10; id++) scheduler.fill({ id }, job(id));
    // 0, 1, 2 start at 0, 4 and 8 ms (< 10); 3 would start at 12 ms: queued.
    expect(done).toEqual([0, 1, 2]);
    expect(scheduler.pending).toBe(7);
    clock.runTasks(2); // the slice reset, then one drain: three more jobs in 10 ms
    expect(done).toEqual([0, 1, 2, 3, 4, 5]);
    clock.runTasks();
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(scheduler.pending).toBe(0);
  });

  it('never runs a job ahead of queued ones, runs one on demand, and drops cancelled ones', () => {
    const clock = fakeClock();
    const scheduler = createFillScheduler(10, clock);
    const done: string[] = [];
    scheduler.fill({}, () => {
      done.push('big');
      clock.advance(50);
    });
    const second = {};
    const cancelThird = (() => {
      scheduler.fill(second, () => done.push('second'));
      return scheduler.fill({}, () => done.push('third'));
    })();
    clock.runTasks(1); // the slice ends
    scheduler.fill({}, () => done.push('fourth')); // queue not empty: waits its turn
    expect(done).toEqual(['big']);
    scheduler.fillNow(second);
    cancelThird();
    clock.runTasks();
    expect(done).toEqual(['big', 'second', 'fourth']);
  });
});
