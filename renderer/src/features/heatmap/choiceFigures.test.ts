import { describe, expect, it } from 'vitest';
import { TokenStore } from '@shared/logprobs/tokenStore';
import { sequenceStats } from '@shared/logprobs/metrics';
import { choiceFigures, choiceRanking, growingStats } from './choiceFigures';

function store(tokens: Array<[string, number | null]>, echo = false): TokenStore {
  const result = new TokenStore({ echo });
  for (const [token, logprob] of tokens) result.append(token, logprob, null);
  return result;
}

describe('choiceFigures', () => {
  it('scores the output alone without echo', () => {
    const figures = choiceFigures(
      store([
        [' a', -1],
        [' b', -3],
      ]),
      { prompt: 'P' },
      0,
    );
    expect(figures.prompt).toBeNull();
    expect(figures.stats.meanLogprob).toBe(-2);
    expect(figures.stats.belowHalf).toBe(2);
  });

  it('splits an echoed choice into the prompt score and the output stats', () => {
    const source = store(
      [
        ['Hi', null],
        [' there', -2],
        [' you', -0.1],
      ],
      true,
    );
    const figures = choiceFigures(source, { prompt: 'Hi there', echo: true }, 0);
    expect(figures.prompt?.promptTokens).toBe(2);
    expect(figures.prompt?.stats.perplexity).toBeCloseTo(Math.exp(2));
    expect(figures.stats.scoredTokens).toBe(1);
    expect(figures.stats.meanLogprob).toBeCloseTo(-0.1);
  });

  it('ranks choices by mean logprob, choices without tokens last', () => {
    const params = { prompt: 'P', n: 3 };
    const ranking = choiceRanking(
      [
        { choice: 0, source: store([[' a', -2]]) },
        { choice: 1, source: null },
        { choice: 2, source: store([[' b', -0.5]]) },
      ],
      params,
    );
    expect(ranking).toEqual([2, 0, 1]);
  });
});

describe('growingStats', () => {
  it('adds only new tokens as the source grows and matches a full recount', () => {
    const source = new TokenStore();
    source.append(' a', -0.2, null);
    expect(growingStats(source).scoredTokens).toBe(1);
    source.append(' b', -2, null);
    source.append(' c', -0.05, null);
    expect(growingStats(source)).toEqual(sequenceStats(source));
    expect(growingStats(source, 1)).toEqual(sequenceStats(source, 1));
  });
});
