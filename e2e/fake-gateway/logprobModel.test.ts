import { describe, expect, it } from 'vitest';
import { MAX_TOP_LOGPROBS, scoreToken } from './logprobModel';
import { createRng } from './prng';
import { ALTERNATIVES_POOL } from './vocabulary';

const pool = ALTERNATIVES_POOL;

describe('scoreToken', () => {
  it('gives plausible distributions: logprob < 0, sorted distinct alternatives, mass <= 1', () => {
    let chosenListed = 0;
    let chosenNotFirst = 0;
    for (let seed = 0; seed < 400; seed++) {
      const score = scoreToken(' gateway', createRng(seed), { greedy: false, topK: 5, pool });
      expect(score.logprob).toBeLessThan(0);
      const top = score.top ?? [];
      expect(top).toHaveLength(5);
      const values = top.map(([, lp]) => lp);
      expect([...values].sort((a, b) => b - a)).toEqual(values);
      expect(new Set(top.map(([token]) => token)).size).toBe(5);
      const mass = values.reduce((sum, lp) => sum + Math.exp(lp), 0);
      expect(mass).toBeLessThanOrEqual(1);
      const listed = top.find(([token]) => token === ' gateway');
      if (listed) {
        chosenListed++;
        expect(listed[1]).toBe(score.logprob);
        if (top[0]?.[0] !== ' gateway') chosenNotFirst++;
      } else {
        // Not listed: it must be less likely than every listed alternative.
        expect(score.logprob).toBeLessThan(values[values.length - 1] ?? 0);
        expect(Math.exp(score.logprob) + mass).toBeLessThanOrEqual(1);
      }
    }
    expect(chosenListed).toBeGreaterThan(300);
    expect(chosenListed).toBeLessThan(400);
    expect(chosenNotFirst).toBeGreaterThan(20);
  });

  it('is deterministic for a seed and keeps the token logprob whatever k is', () => {
    const one = scoreToken(' café', createRng(9), { greedy: false, topK: 1, pool });
    const five = scoreToken(' café', createRng(9), { greedy: false, topK: 5, pool });
    const none = scoreToken(' café', createRng(9), { greedy: false, topK: null, pool });
    expect(five.logprob).toBe(one.logprob);
    expect(none).toEqual({ logprob: one.logprob, top: null });
    expect(five.top?.[0]).toEqual(one.top?.[0]);
  });

  it('always ranks the token first when greedy', () => {
    for (let seed = 0; seed < 50; seed++) {
      const score = scoreToken(' road', createRng(seed), { greedy: true, topK: 3, pool });
      expect(score.top?.[0]).toEqual([' road', score.logprob]);
    }
  });

  it('caps k, returns [] for k = 0 and never lists integer-like tokens', () => {
    expect(scoreToken(' a', createRng(1), { greedy: false, topK: 100, pool }).top).toHaveLength(
      MAX_TOP_LOGPROBS,
    );
    expect(scoreToken(' a', createRng(1), { greedy: false, topK: 0, pool }).top).toEqual([]);
    for (let seed = 0; seed < 30; seed++) {
      const score = scoreToken('2024', createRng(seed), { greedy: true, topK: 20, pool });
      expect(score.top?.some(([token]) => token === '2024')).toBe(false);
      expect(score.logprob).toBeLessThan(score.top?.[19]?.[1] ?? 0);
    }
  });
});
