import { describe, expect, it } from 'vitest';
import { describeModelLimits, describePricing, formatPerMillion } from './pricing';

describe('pricing', () => {
  it('converts per-token prices to per-million', () => {
    expect(formatPerMillion(0.0000015)).toBe('$1.50');
    expect(formatPerMillion(0.00003)).toBe('$30.00');
    expect(formatPerMillion(0.000000000001)).toBe('$0.000001');
    expect(formatPerMillion(0)).toBe('$0');
  });
  it('describes prompt and completion prices when present', () => {
    expect(describePricing({ prompt: 0.0000015, completion: 0.000002 })).toBe(
      '$1.50 in · $2.00 out per 1M tokens',
    );
    expect(describePricing({ completion: 0.000002 })).toBe('$2.00 out per 1M tokens');
    expect(describePricing({})).toBeNull();
    expect(describePricing(undefined)).toBeNull();
  });
  it('describes limits', () => {
    expect(describeModelLimits({ contextLength: 4096, maxOutputTokens: 4096 })).toBe(
      '4,096 ctx · 4,096 max out',
    );
    expect(describeModelLimits({})).toBeNull();
  });
});
