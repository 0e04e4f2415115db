import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDuration,
  formatFallback,
  formatServedBy,
  formatTokensPerSecond,
  formatUsage,
  formatUsd,
} from './format';

describe('formatDuration', () => {
  it('picks a unit by size', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(849.6)).toBe('850 ms');
    expect(formatDuration(1234)).toBe('1.23 s');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(125_000)).toBe('2 m 05 s');
  });
  it('shows a dash for unknown values', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(formatDuration(-1)).toBe('—');
  });
});

describe('formatTokensPerSecond', () => {
  it('keeps one decimal below 100 and groups digits above', () => {
    expect(formatTokensPerSecond(42.123)).toBe('42.1 tok/s');
    expect(formatTokensPerSecond(3012.6)).toBe('3,013 tok/s');
    expect(formatTokensPerSecond(null)).toBe('—');
    expect(formatTokensPerSecond(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('formatUsage and counts', () => {
  it('lists prompt, completion and total tokens', () => {
    expect(formatUsage({ promptTokens: 12, completionTokens: 1600, totalTokens: 1612 })).toBe(
      '12 prompt · 1,600 completion · 1,612 total',
    );
    expect(formatUsage({ completionTokens: 3 })).toBe('— prompt · 3 completion · — total');
    expect(formatUsage(null)).toBe('—');
    expect(formatCount(1234567)).toBe('1,234,567');
  });
  it('formats costs', () => {
    expect(formatUsd(0.000123)).toBe('$0.00012');
    expect(formatUsd(0.5)).toBe('$0.5000');
    expect(formatUsd(0)).toBe('$0');
  });
});

describe('formatServedBy and formatFallback', () => {
  it('names the provider and model that answered', () => {
    expect(formatServedBy({ provider: 'openai', model: 'gpt-3.5-turbo-instruct', headers: {} })).toBe(
      'Served by openai / gpt-3.5-turbo-instruct',
    );
    expect(formatServedBy({ provider: 'openai', model: 'openai/davinci-002', headers: {} })).toBe(
      'Served by openai / davinci-002',
    );
    expect(formatServedBy({ headers: {} }, 'gpt-3.5-turbo-instruct')).toBe(
      'Served by gpt-3.5-turbo-instruct',
    );
    expect(formatServedBy(null)).toBeNull();
    expect(formatServedBy({ provider: 'fail', model: '429', headers: {} }, undefined, true)).toBe(
      'Error from fail / 429',
    );
  });
  it('says which fallback served and what the primary was', () => {
    expect(
      formatFallback({
        isFallback: true,
        fallbackIndex: 1,
        requestedProvider: 'fail',
        requestedModel: '503',
        headers: {},
      }),
    ).toBe('fallback #1 (primary was fail/503)');
    expect(formatFallback({ fallbackIndex: 2, requestedModel: 'fail/503', headers: {} })).toBe(
      'fallback #2 (primary was fail/503)',
    );
    expect(formatFallback({ isFallback: true, headers: {} })).toBe('fallback');
    expect(formatFallback({ provider: 'openai', headers: {} })).toBeNull();
    expect(formatFallback(null)).toBeNull();
  });
});
