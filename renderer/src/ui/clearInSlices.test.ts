import { describe, expect, it } from 'vitest';
import { clearInSlices, type SliceClock } from './clearInSlices';

/** A clock whose time advances `costMs` with every element cleared, and whose tasks run on demand. */
function fakeClock() {
  let time = 0;
  const tasks: Array<() => void> = [];
  const clock: SliceClock = {
    now: () => time,
    defer: (callback) => {
      tasks.push(callback);
      return () => {
        const index = tasks.indexOf(callback);
        if (index !== -1) tasks.splice(index, 1);
      };
    },
  };
  return {
    clock,
    advance: (ms: number) => (time += ms),
    runTask: () => tasks.shift()?.(),
    pending: () => tasks.length,
  };
}

function elements(count: number, onClear: () => void) {
  return Array.from({ length: count }, (_, index) => ({
    cleared: false,
    index,
    replaceChildren() {
      this.cleared = true;
      onClear();
    },
  }));
}

describe('clearInSlices', () => {
  it('clears nothing in the calling task, then one slice of time per task until all are cleared', () => {
    const fake = fakeClock();
    const list = elements(10, () => fake.advance(2));
    let done = 0;
    clearInSlices(list, 5, fake.clock, () => (done += 1));
    expect(list.filter((element) => element.cleared)).toHaveLength(0);
    fake.runTask();
    // 0, 2, 4 ms elapsed before each of the first three: the third ends the 5 ms slice.
    expect(list.filter((element) => element.cleared)).toHaveLength(3);
    expect(done).toBe(0);
    fake.runTask();
    fake.runTask();
    fake.runTask();
    expect(list.every((element) => element.cleared)).toBe(true);
    expect(done).toBe(1);
    expect(fake.pending()).toBe(0);
  });

  it('calls done for an empty list, and never after a cancel', () => {
    const fake = fakeClock();
    let done = 0;
    clearInSlices([], 5, fake.clock, () => (done += 1));
    fake.runTask();
    expect(done).toBe(1);
    const list = elements(4, () => fake.advance(3));
    const cancel = clearInSlices(list, 5, fake.clock, () => (done += 1));
    fake.runTask();
    cancel();
    expect(fake.pending()).toBe(0);
    expect(list.filter((element) => element.cleared)).toHaveLength(2);
    expect(done).toBe(1);
  });
});
