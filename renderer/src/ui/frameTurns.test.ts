import { describe, expect, it } from 'vitest';
import { createFrameTurns } from './frameTurns';

function manualFrames() {
  const callbacks: Array<() => void> = [];
  return {
    schedule: (callback: () => void) => {
      callbacks.push(callback);
      return () => {
        const index = callbacks.indexOf(callback);
        if (index !== -1) callbacks.splice(index, 1);
      };
    },
    runFrame: () => callbacks.splice(0).forEach((callback) => callback()),
    pending: () => callbacks.length,
  };
}

describe('createFrameTurns', () => {
  it('gives the first taker this frame, and the others one later frame each, in order', () => {
    const frames = manualFrames();
    const turns = createFrameTurns(frames.schedule);
    const order: string[] = [];
    expect(turns.tryNow()).toBe(true);
    expect(turns.tryNow()).toBe(false);
    turns.request(() => order.push('b'));
    turns.request(() => order.push('c'));
    expect(order).toEqual([]);
    frames.runFrame();
    expect(order).toEqual(['b']);
    // A newcomer waits behind the queue even though a frame went by.
    expect(turns.tryNow()).toBe(false);
    frames.runFrame();
    expect(order).toEqual(['b', 'c']);
    frames.runFrame();
    frames.runFrame();
    expect(frames.pending()).toBe(0);
    expect(turns.tryNow()).toBe(true);
  });

  it('skips a cancelled request', () => {
    const frames = manualFrames();
    const turns = createFrameTurns(frames.schedule);
    const order: string[] = [];
    turns.tryNow();
    const cancel = turns.request(() => order.push('b'));
    turns.request(() => order.push('c'));
    cancel();
    frames.runFrame();
    expect(order).toEqual(['c']);
  });
});
