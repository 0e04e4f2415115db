import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact';

describe('redactSecrets', () => {
  it('replaces every occurrence of each secret', () => {
    expect(redactSecrets('Bearer sk-abc123 and again sk-abc123', ['sk-abc123'])).toBe(
      'Bearer <redacted> and again <redacted>',
    );
  });

  it('ignores undefined and short secrets', () => {
    expect(redactSecrets('abc is fine', [undefined, '', 'abc'])).toBe('abc is fine');
    expect(redactSecrets('abcd', ['abcd'])).toBe('<redacted>');
  });

  it('replaces the JSON-escaped form of a secret', () => {
    const secret = 'k"ey\\with/quote';
    const body = JSON.stringify({ key: secret });
    expect(redactSecrets(body, [secret])).toBe('{"key":"<redacted>"}');
  });

  it('replaces the URL-encoded form of a secret', () => {
    expect(redactSecrets('https://x/?key=a%2Bb%2Fc%3D', ['a+b/c='])).toBe('https://x/?key=<redacted>');
  });

  it('treats secrets as text, not patterns, and replaces the longer secret first', () => {
    expect(redactSecrets('price $1.00 (x+y)*', ['$1.00', '(x+y)*'])).toBe('price <redacted> <redacted>');
    expect(redactSecrets('token=abcd1234', ['abcd', 'abcd1234'])).toBe('token=<redacted>');
  });
});
