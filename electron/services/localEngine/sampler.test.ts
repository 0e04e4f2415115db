import { describe, expect, it } from 'vitest';
import { createRandom, logSumExp, pickIndex, toLogDistribution } from './sampler';

const probabilities = new Map([
  [7, 0.5],
  [3, 0.3],
  [9, 0.15],
  [4, 0.05],
]);

describe('toLogDistribution', () => {
  it('keeps the order and takes logs without a bias', () => {
    const distribution = toLogDistribution(probabilities);
    expect(distribution.ids).toEqual([7, 3, 9, 4]);
    expect(distribution.logprobs[1]).toBeCloseTo(Math.log(0.3), 12);
  });

  it('applies a bias to the logits, renormalises and re-sorts', () => {
    const distribution = toLogDistribution(probabilities, { 7: -100, 4: Math.log(10) });
    expect(distribution.ids[0]).toBe(4);
    expect(distribution.ids.at(-1)).toBe(7);
    expect(logSumExp(distribution.logprobs)).toBeCloseTo(0, 12);
    // 0.05 * 10 = 0.5 against 0.3 and 0.15: renormalised over 0.95 (token 7 is ~gone).
    expect(distribution.logprobs[0]).toBeCloseTo(Math.log(0.5 / 0.95), 9);
  });
});

describe('pickIndex', () => {
  const distribution = toLogDistribution(probabilities);

  it('is greedy at temperature 0', () => {
    expect(pickIndex(distribution, { temperature: 0, topP: 1 }, () => 0.99)).toBe(0);
  });

  it('keeps only the nucleus with a small top_p', () => {
    for (const r of [0, 0.5, 0.999]) {
      expect(pickIndex(distribution, { temperature: 1, topP: 0.1 }, () => r)).toBe(0);
    }
    // top_p 0.8 keeps 0.5 + 0.3: a draw near 1 lands on the second token, never the third.
    expect(pickIndex(distribution, { temperature: 1, topP: 0.8 }, () => 0.999)).toBe(1);
  });

  it('samples in proportion to the probabilities at temperature 1', () => {
    const random = createRandom(42);
    const counts = [0, 0, 0, 0];
    for (let draw = 0; draw < 4000; draw++) {
      const at = pickIndex(distribution, { temperature: 1, topP: 1 }, random);
      counts[at] = (counts[at] ?? 0) + 1;
    }
    expect(counts[0]! / 4000).toBeGreaterThan(0.45);
    expect(counts[0]! / 4000).toBeLessThan(0.55);
    expect(counts[3]! / 4000).toBeGreaterThan(0.03);
    expect(counts[3]! / 4000).toBeLessThan(0.07);
  });
});

describe('createRandom', () => {
  it('repeats for a seed and differs between seeds (64-bit seeds too)', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed));
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(2 ** 40 + 1)).not.toEqual(draw(1));
    for (const value of draw(123)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});
