import { describe, expect, it } from 'vitest';
import { createToken, hostAllowed, originAllowed, parseRequestTarget, tokenMatches } from './guards';

describe('guards', () => {
  it('creates distinct url-safe tokens of 24 bytes', () => {
    const a = createToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(createToken()).not.toBe(a);
  });

  it('compares tokens exactly', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abc', 'abd')).toBe(false);
    expect(tokenMatches('abc', 'abcd')).toBe(false);
    expect(tokenMatches('abc', '')).toBe(false);
    expect(tokenMatches('abc', null)).toBe(false);
    expect(tokenMatches('abc', undefined)).toBe(false);
  });

  it('accepts only loopback hosts with our port', () => {
    expect(hostAllowed('127.0.0.1:4000', 4000)).toBe(true);
    expect(hostAllowed('localhost:4000', 4000)).toBe(true);
    expect(hostAllowed('LOCALHOST:4000', 4000)).toBe(true);
    expect(hostAllowed('127.0.0.1:4001', 4000)).toBe(false);
    expect(hostAllowed('127.0.0.1', 4000)).toBe(false);
    expect(hostAllowed('evil.example:4000', 4000)).toBe(false);
    expect(hostAllowed('localhost.evil.example:4000', 4000)).toBe(false);
    expect(hostAllowed(undefined, 4000)).toBe(false);
  });

  it('accepts only our http origins', () => {
    expect(originAllowed('http://127.0.0.1:4000', 4000)).toBe(true);
    expect(originAllowed('http://localhost:4000', 4000)).toBe(true);
    expect(originAllowed('https://127.0.0.1:4000', 4000)).toBe(false);
    expect(originAllowed('http://127.0.0.1:4000.evil.example', 4000)).toBe(false);
    expect(originAllowed('null', 4000)).toBe(false);
    expect(originAllowed(undefined, 4000)).toBe(false);
  });

  it('parses request targets relative to a fixed base', () => {
    expect(parseRequestTarget('/api?token=x')?.searchParams.get('token')).toBe('x');
    expect(parseRequestTarget('/a/../b')?.pathname).toBe('/b');
    expect(parseRequestTarget('http://evil.example/')).toBeNull();
    expect(parseRequestTarget(undefined)).toBeNull();
  });
});
