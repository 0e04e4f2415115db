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

describe('createFrameBuffer with staggering', () => {
  const keyed = (frames: ReturnType<typeof manualFrames>, applied: string[][]) =>
    createFrameBuffer<string>({
      schedule: frames.schedule,
      apply: (events) => applied.push(events),
      isUrgent: (event) => event.endsWith('!'),
      stagger: { keyOf: (event) => event.slice(0, 1), maxKeysPerFrame: 2 },
    });

  it('applies everything in one frame while no more streams than the limit are waiting', () => {
    const frames = manualFrames();
    const applied: string[][] = [];
    const buffer = keyed(frames, applied);
    buffer.push('a1');
    buffer.push('b1');
    buffer.push('a2');
    frames.runFrame();
    expect(applied).toEqual([['a1', 'b1', 'a2']]);
    expect(frames.pending()).toBe(0);
  });

  it('lets more streams take turns, longest waiting first, each in order', () => {
    const frames = manualFrames();
    const applied: string[][] = [];
    const buffer = keyed(frames, applied);
    for (const event of ['a1', 'b1', 'c1', 'd1', 'a2']) buffer.push(event);
    frames.runFrame();
    expect(applied).toEqual([['a1', 'b1', 'a2']]);
    expect(frames.pending()).toBe(1);
    for (const event of ['a3', 'b2', 'c2']) buffer.push(event);
    frames.runFrame();
    expect(applied[1]).toEqual(['c1', 'd1', 'c2']);
    frames.runFrame();
    expect(applied[2]).toEqual(['a3', 'b2']);
    expect(frames.pending()).toBe(0);
    // Nothing is lost or reordered.
    expect(applied.flat().filter((event) => event.startsWith('c'))).toEqual(['c1', 'c2']);
  });

  it('flushes its own stream at once on an urgent event; the others wait for their turn', () => {
    const frames = manualFrames();
    const applied: string[][] = [];
    const buffer = keyed(frames, applied);
    for (const event of ['a1', 'b1', 'c1', 'd1']) buffer.push(event);
    frames.runFrame();
    expect(applied).toEqual([['a1', 'b1']]);
    buffer.push('c2!');
    expect(applied[1]).toEqual(['c1', 'c2!']);
    expect(frames.pending()).toBe(1);
    frames.runFrame();
    expect(applied[2]).toEqual(['d1']);
    buffer.push('d2!');
    expect(applied[3]).toEqual(['d2!']);
    expect(frames.pending()).toBe(0);
  });
});
