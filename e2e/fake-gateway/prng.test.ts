import { describe, expect, it } from 'vitest';
import { createRng, hashToSeed, mixSeed, pick, randomInt } from './prng';

describe('prng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(seqA);
    for (const value of seqA) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('hashes parts so that their boundaries and types matter', () => {
    expect(hashToSeed('ab', 'c')).not.toBe(hashToSeed('a', 'bc'));
    expect(hashToSeed(1)).not.toBe(hashToSeed('1'));
    expect(hashToSeed('x', 2)).toBe(hashToSeed('x', 2));
    expect(mixSeed(1, 2)).not.toBe(mixSeed(2, 1));
  });

  it('randomInt stays within its inclusive bounds and reaches both ends', () => {
    const rng = createRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(randomInt(rng, 2, 5));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
    expect(() => pick(rng, [])).toThrow();
  });
});
