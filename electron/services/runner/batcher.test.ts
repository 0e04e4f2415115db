import { packedTokensProblem, unpackTokens } from '@shared/logprobs/packedTokens';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NormalizedToken } from '@shared/completions/normalize';
import { createBatcher, type BatchBody } from './batcher';
import type { Clock } from './timers';

const clock: Clock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const token = (text: string, extra: Partial<NormalizedToken> = {}): NormalizedToken => ({
  token: text,
  logprob: -0.5,
  top: null,
  bytes: null,
  offset: null,
  ...extra,
});

let batches: BatchBody[];
beforeEach(() => {
  vi.useFakeTimers();
  batches = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createBatcher', () => {
  it('coalesces text per choice and emits once per interval, never per token', () => {
    const batcher = createBatcher(clock, 16, (b) => batches.push(b));
    batcher.addText(0, 'Hel');
    batcher.addText(1, 'A');
    batcher.addText(0, 'lo');
    expect(batches).toHaveLength(0);
    vi.advanceTimersByTime(0);
    expect(batches).toEqual([{ text: { choice: [0, 1], delta: ['Hello', 'A'] } }]);

    // 100 tokens over 50 ms → at most ceil(50/16)+1 batches, all text kept in order.
    for (let i = 0; i < 100; i++) {
      batcher.addText(0, `${i},`);
      if (i % 2 === 1) vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(16);
    expect(batches.length).toBeLessThanOrEqual(6);
    expect(batches.length).toBeGreaterThan(2);
    const text = batches
      .slice(1)
      .map((b) => b.text.delta.join(''))
      .join('');
    expect(text).toBe(Array.from({ length: 100 }, (_, i) => `${i},`).join(''));
  });

  it('keeps at least the interval between two batches', () => {
    const times: number[] = [];
    const batcher = createBatcher(clock, 16, (b) => {
      batches.push(b);
      times.push(Date.now());
    });
    for (let ms = 0; ms < 200; ms++) {
      batcher.addText(0, 'x');
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(20);
    for (let i = 1; i < times.length; i++)
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(16);
    expect(batches.map((b) => b.text.delta.join('')).join('')).toBe('x'.repeat(200));
  });

  it('packs tokens column-wise (typed arrays, one string table); bytes/offset unpack only when sent', () => {
    const batcher = createBatcher(clock, 16, (b) => batches.push(b));
    batcher.addTokens(0, [token(' a', { top: [[' a', -0.5]] }), token(' b')]);
    batcher.addTokens(1, [token(' c', { logprob: null })]);
    batcher.flush();
    const first = batches[0]?.tokens;
    expect(first?.strings).toEqual([' a', ' b', ' c']);
    expect(first?.logprob).toBeInstanceOf(Float64Array);
    expect(first && packedTokensProblem(first)).toBeNull();
    expect(first && unpackTokens(first)).toEqual({
      choice: [0, 0, 1],
      token: [' a', ' b', ' c'],
      logprob: [-0.5, -0.5, null],
      top: [[[' a', -0.5]], null, null],
    });
    batcher.addTokens(0, [token('é', { bytes: [195, 169], offset: 3 }), token('x')]);
    batcher.flush();
    const second = batches[1]?.tokens;
    expect(second && unpackTokens(second)).toMatchObject({ bytes: [[195, 169], null], offset: [3, null] });
  });

  it('lists finished choices, and flush() emits pending data at once', () => {
    const batcher = createBatcher(clock, 16, (b) => batches.push(b));
    batcher.addText(0, 'end');
    batcher.finish(0, 'stop');
    batcher.flush();
    expect(batches).toEqual([
      { text: { choice: [0], delta: ['end'] }, finished: [{ index: 0, finishReason: 'stop' }] },
    ]);
    batcher.flush();
    vi.advanceTimersByTime(100);
    expect(batches).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('carries chunk arrival times with the next batch, never alone', () => {
    const batcher = createBatcher(clock, 16, (b) => batches.push(b));
    batcher.addArrival(12.345);
    batcher.flush();
    expect(batches).toEqual([]);
    batcher.addText(0, 'a');
    batcher.addArrival(20);
    batcher.flush();
    expect(batches).toEqual([{ text: { choice: [0], delta: ['a'] }, arrivals: [12.3, 20] }]);
  });

  it('dispose drops pending data and emits nothing more', () => {
    const batcher = createBatcher(clock, 16, (b) => batches.push(b));
    batcher.addText(0, 'lost');
    batcher.dispose();
    batcher.addText(0, 'more');
    batcher.flush();
    vi.advanceTimersByTime(100);
    expect(batches).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ignores empty text and empty token lists', () => {
    const batcher = createBatcher(clock, 16, (b) => batches.push(b));
    batcher.addText(0, '');
    batcher.addTokens(0, []);
    vi.advanceTimersByTime(100);
    expect(batches).toEqual([]);
  });
});
