import { describe, expect, it } from 'vitest';
import { choiceCostOf } from './choiceCost';

describe('choiceCostOf', () => {
  it('adds an equal share of the prompt to the choice’s own completion tokens', () => {
    const price = { inputPerMillion: 2, outputPerMillion: 4 };
    expect(choiceCostOf({ completionTokens: 10, promptTokens: 8, choiceCount: 2 }, price)).toEqual({
      inputUsd: 0.000008,
      outputUsd: 0.00004,
      totalUsd: 0.000048,
    });
  });

  it('costs only the completion when the prompt count is unknown', () => {
    const price = { inputPerMillion: 2, outputPerMillion: 1 };
    expect(
      choiceCostOf({ completionTokens: 5, promptTokens: undefined, choiceCount: 1 }, price).totalUsd,
    ).toBe(0.000005);
  });
});
