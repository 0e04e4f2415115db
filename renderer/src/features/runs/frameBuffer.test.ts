import { describe, expect, it } from 'vitest';
import { createFrameBuffer, type ScheduleFrame } from './frameBuffer';

function manualFrames() {
  const callbacks: Array<() => void> = [];
  let cancelled = 0;
  const schedule: ScheduleFrame = (callback) => {
    callbacks.push(callback);
    return () => {
      cancelled += 1;
      const index = callbacks.indexOf(callback);
      if (index !== -1) callbacks.splice(index, 1);
    };
  };
  return {
    schedule,
    pending: () => callbacks.length,
    cancelled: () => cancelled,
    runFrame: () => callbacks.splice(0).forEach((callback) => callback()),
  };
}

describe('createFrameBuffer', () => {
  it('applies all events of a frame in one call, in arrival order', () => {
    const frames = manualFrames();
    const applied: number[][] = [];
    const buffer = createFrameBuffer<number>({
      schedule: frames.schedule,
      apply: (events) => applied.push(events),
    });
    buffer.push(1);
    buffer.push(2);
    buffer.push(3);
    expect(frames.pending()).toBe(1);
    expect(applied).toEqual([]);
    frames.runFrame();
    expect(applied).toEqual([[1, 2, 3]]);
    buffer.push(4);
    frames.runFrame();
    expect(applied).toEqual([[1, 2, 3], [4]]);
  });

  it('flushes at once on an urgent event and cancels the pending frame', () => {
    const frames = manualFrames();
    const applied: string[][] = [];
    const buffer = createFrameBuffer<string>({
      schedule: frames.schedule,
      apply: (events) => applied.push(events),
      isUrgent: (event) => event === 'done',
    });
    buffer.push('a');
    buffer.push('done');
    expect(applied).toEqual([['a', 'done']]);
    expect(frames.pending()).toBe(0);
    expect(frames.cancelled()).toBe(1);
  });

  it('does nothing on an empty frame and drops the queue on dispose', () => {
    const frames = manualFrames();
    const applied: number[][] = [];
    const buffer = createFrameBuffer<number>({
      schedule: frames.schedule,
      apply: (events) => applied.push(events),
    });
    buffer.flush();
    buffer.push(1);
    buffer.dispose();
    frames.runFrame();
    buffer.flush();
    expect(applied).toEqual([]);
  });
});
