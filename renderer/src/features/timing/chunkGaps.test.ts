import { describe, expect, it } from 'vitest';
import { chunkGaps, flattenArrivals, formatGap, gapStats, median, percentile } from './chunkGaps';

describe('flattenArrivals', () => {
  it('joins the batches in time order and drops non-finite times', () => {
    expect(flattenArrivals([[30, 10], [], [20, Number.NaN], [40]])).toEqual([10, 20, 30, 40]);
    expect(flattenArrivals([])).toEqual([]);
  });
});

describe('chunkGaps', () => {
  it('gives the gap before every chunk after the first, at its arrival time', () => {
    expect(chunkGaps([100, 110, 135, 135])).toEqual({ at: [110, 135, 135], gapMs: [10, 25, 0] });
    expect(chunkGaps([100])).toEqual({ at: [], gapMs: [] });
  });
});

describe('percentile and median', () => {
  it('uses the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 1..100, unsorted
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBeNull();
  });

  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('gapStats', () => {
  it('summarises the gaps across batches', () => {
    expect(gapStats([[0, 10], [20, 50], [60]])).toEqual({ chunks: 5, medianMs: 10, p95Ms: 30, maxMs: 30 });
  });

  it('is null with fewer than two chunks', () => {
    expect(gapStats([[12]])).toBeNull();
    expect(gapStats([])).toBeNull();
  });
});

describe('formatGap', () => {
  it('picks a unit and precision', () => {
    expect(formatGap(0.44)).toBe('0.4 ms');
    expect(formatGap(12.4)).toBe('12 ms');
    expect(formatGap(1250)).toBe('1.25 s');
  });
});
