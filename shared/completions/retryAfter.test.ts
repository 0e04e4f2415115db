import { describe, expect, it } from 'vitest';
import { formatRetryAfter, parseRetryAfter } from './retryAfter';

const now = Date.parse('2025-01-01T00:00:00Z');

describe('parseRetryAfter', () => {
  it('reads seconds, milliseconds (preferred) and HTTP dates', () => {
    expect(parseRetryAfter({ 'retry-after': '7' }, undefined, now)).toBe(7);
    expect(parseRetryAfter({ 'retry-after': ' 2.5 ' }, undefined, now)).toBe(2.5);
    expect(parseRetryAfter({ 'retry-after-ms': '250', 'retry-after': '1' }, undefined, now)).toBe(0.25);
    expect(parseRetryAfter({ 'retry-after': 'Wed, 01 Jan 2025 00:00:42 GMT' }, undefined, now)).toBe(42);
    expect(parseRetryAfter({ 'retry-after': 'Tue, 31 Dec 2024 23:00:00 GMT' }, undefined, now)).toBe(0);
  });

  it('ignores malformed headers and falls back to the message', () => {
    expect(parseRetryAfter({ 'retry-after': 'soon' }, undefined, now)).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': '-3' }, undefined, now)).toBeUndefined();
    expect(parseRetryAfter({}, 'Limit: 3 / min. Please try again in 20s. Contact support', now)).toBe(20);
    expect(parseRetryAfter({}, 'Please try again in 1.898s.', now)).toBe(1.898);
    expect(parseRetryAfter({}, 'Please try again in 6ms.', now)).toBe(0.006);
    expect(parseRetryAfter({}, 'Please try again in 1m30s.', now)).toBe(90);
    expect(parseRetryAfter({}, 'rate limited', now)).toBeUndefined();
  });
});

describe('formatRetryAfter', () => {
  it('says how long, in seconds', () => {
    expect(formatRetryAfter(7)).toBe('Retry after 7 s');
    expect(formatRetryAfter(0.25)).toBe('Retry after 0.3 s');
    expect(formatRetryAfter(42.2)).toBe('Retry after 43 s');
  });
});
