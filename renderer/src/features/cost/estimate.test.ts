import { describe, expect, it } from 'vitest';
import { completionsPerPrompt, worstCaseCost } from './estimate';

const price = { inputPerMillion: 1.5, outputPerMillion: 2 };

describe('completionsPerPrompt', () => {
  it('is the larger of n and best_of, at least 1', () => {
    expect(completionsPerPrompt(undefined, undefined)).toBe(1);
    expect(completionsPerPrompt(3, undefined)).toBe(3);
    expect(completionsPerPrompt(2, 5)).toBe(5);
  });
});

describe('worstCaseCost', () => {
  it('uses 16 completion tokens when max_tokens is unset', () => {
    expect(
      worstCaseCost({ promptTokens: [4], maxTokens: undefined, n: undefined, bestOf: undefined }, price),
    ).toEqual({
      promptTokens: 4,
      completionTokens: 16,
      inputUsd: 0.000006,
      outputUsd: 0.000032,
      totalUsd: 0.000038,
    });
  });

  it('multiplies max_tokens by max(n, best_of) for every prompt', () => {
    const worst = worstCaseCost({ promptTokens: [10, 20], maxTokens: 100, n: 2, bestOf: 3 }, price);
    expect(worst.promptTokens).toBe(30);
    expect(worst.completionTokens).toBe(600);
    expect(worst.inputUsd).toBe(0.000045);
    expect(worst.outputUsd).toBe(0.0012);
    expect(worst.totalUsd).toBe(0.001245);
  });

  it('costs only the prompt with max_tokens 0', () => {
    expect(
      worstCaseCost({ promptTokens: [1000], maxTokens: 0, n: 4, bestOf: undefined }, price).totalUsd,
    ).toBe(0.0015);
  });
});
