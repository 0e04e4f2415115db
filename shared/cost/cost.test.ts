import { describe, expect, it } from 'vitest';
import { costOf, formatPricePerMillion, formatUsd, usdForTokens } from './cost';
import { lookupPrice } from './prices';

const instruct = lookupPrice('openai/gpt-3.5-turbo-instruct');
const babbage = lookupPrice('openai/babbage-002');

describe('costOf', () => {
  it('prices prompt and completion tokens separately (gpt-3.5-turbo-instruct $1.50 / $2.00 per 1M)', () => {
    expect(costOf({ promptTokens: 1000, completionTokens: 500, totalTokens: 1500 }, instruct)).toEqual({
      inputUsd: 0.0015,
      outputUsd: 0.001,
      totalUsd: 0.0025,
      source: 'builtin',
    });
    // 5 prompt + 110 completion tokens: 7.5 + 220 micro-dollars.
    expect(costOf({ promptTokens: 5, completionTokens: 110 }, instruct)).toEqual({
      inputUsd: 0.0000075,
      outputUsd: 0.00022,
      totalUsd: 0.0002275,
      source: 'builtin',
    });
  });

  it('gives decimal-exact amounts where plain float arithmetic would not', () => {
    expect((7 * 0.4) / 1e6).not.toBe(0.0000028); // why the rounding exists
    expect(costOf({ promptTokens: 7, completionTokens: 7 }, babbage)).toEqual({
      inputUsd: 0.0000028,
      outputUsd: 0.0000028,
      totalUsd: 0.0000056,
      source: 'builtin',
    });
    expect(usdForTokens(3, 0.1)).toBe(0.0000003);
    expect(usdForTokens(1_000_000, 1.5)).toBe(1.5);
  });

  it('prefers a provider-reported cost and flags it', () => {
    expect(costOf({ promptTokens: 1000, completionTokens: 500, costUsd: 0.0031 }, instruct)).toEqual({
      inputUsd: 0.0015,
      outputUsd: 0.001,
      totalUsd: 0.0031,
      source: 'provider',
    });
    expect(costOf({ costUsd: 0.0002 }, null)).toEqual({
      inputUsd: null,
      outputUsd: null,
      totalUsd: 0.0002,
      source: 'provider',
    });
  });

  it('is unknown without a price, a usage or token counts', () => {
    expect(costOf({ promptTokens: 10, completionTokens: 10 }, null)).toBeNull();
    expect(costOf(null, instruct)).toBeNull();
    expect(costOf({ completionTokens: 10 }, instruct)).toBeNull();
    // Scoring a prompt (max_tokens 0): some servers omit completion_tokens.
    expect(costOf({ promptTokens: 10 }, instruct)).toMatchObject({
      inputUsd: 0.000015,
      outputUsd: 0,
      totalUsd: 0.000015,
    });
  });

  it('carries the source of a user or gateway price', () => {
    const price = lookupPrice('x/y', { overrides: { 'x/y': { inputPerMillion: 10, outputPerMillion: 30 } } });
    expect(costOf({ promptTokens: 3, completionTokens: 1 }, price)).toEqual({
      inputUsd: 0.00003,
      outputUsd: 0.00003,
      totalUsd: 0.00006,
      source: 'user',
    });
  });
});

describe('formatUsd', () => {
  it('shows small amounts with enough digits', () => {
    const cases: Array<[number, string]> = [
      [0, '$0'],
      [0.0000004, '<$0.000001'],
      [0.000001, '$0.000001'],
      [0.000012, '$0.000012'],
      [0.0000075, '$0.000008'],
      [0.00105, '$0.00105'],
      [0.0025, '$0.0025'],
      [0.0123, '$0.0123'],
      [0.5, '$0.50'],
      [0.99999, '$1.00'],
      [1.234, '$1.23'],
      [1234.567, '$1,234.57'],
      [-0.0025, '-$0.0025'],
      [Number.NaN, '—'],
    ];
    for (const [usd, text] of cases) expect(formatUsd(usd), String(usd)).toBe(text);
  });

  it('shows prices per 1M tokens', () => {
    expect(formatPricePerMillion(1.5)).toBe('$1.50 / 1M tokens');
    expect(formatPricePerMillion(0.4)).toBe('$0.40 / 1M tokens');
    expect(formatPricePerMillion(0.1234)).toBe('$0.1234 / 1M tokens');
    expect(formatPricePerMillion(0.005)).toBe('$0.005 / 1M tokens');
    expect(formatPricePerMillion(0)).toBe('$0 / 1M tokens');
  });
});
