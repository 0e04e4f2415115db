import { describe, expect, it } from 'vitest';
import {
  eventTooLargeError,
  firstByteTimeoutError,
  redactDeep,
  stallTimeoutError,
  truncatedError,
  unexpectedError,
} from './runErrors';

describe('run errors', () => {
  it('truncated: title and message say the output may be incomplete', () => {
    const error = truncatedError('http://h/v1/completions', false);
    expect(error).toMatchObject({
      kind: 'truncated',
      title: 'The stream ended early',
      url: 'http://h/v1/completions',
    });
    expect(error.message).toMatch(/may be incomplete/);
    expect(truncatedError('u', true).message).toMatch(/connection closed/);
  });

  it('timeouts name the limit in seconds', () => {
    expect(firstByteTimeoutError('u', 300).message).toContain('0.3 s');
    expect(stallTimeoutError('u', 30_000)).toMatchObject({ kind: 'stall_timeout' });
    expect(stallTimeoutError('u', 30_000).message).toContain('30 s');
  });

  it('unexpected errors keep the message', () => {
    expect(unexpectedError(new Error('boom'), 'u')).toMatchObject({
      kind: 'unknown',
      message: 'Internal error: boom',
      url: 'u',
    });
  });
});

describe('eventTooLargeError', () => {
  it('says one event exceeded the limit and that what arrived is kept', () => {
    expect(eventTooLargeError('http://h/v1/completions', 64 * 1024 * 1024)).toEqual({
      kind: 'invalid_response',
      title: 'A stream event is too large',
      message:
        'One stream event exceeded 64 MiB without ending, so the stream was stopped. What arrived before it is kept.',
      url: 'http://h/v1/completions',
    });
  });
});

describe('redactDeep', () => {
  it('redacts the key in nested strings and keys, leaving other values alone', () => {
    const value = {
      a: 'x sk-12345 y',
      list: ['sk-12345', 3, null, true],
      nested: { 'sk-12345': { b: 'sk-12345' } },
    };
    expect(redactDeep(value, 'sk-12345')).toEqual({
      a: 'x <redacted> y',
      list: ['<redacted>', 3, null, true],
      nested: { '<redacted>': { b: '<redacted>' } },
    });
    expect(redactDeep(value, undefined)).toBe(value);
  });

  it('keeps a "__proto__" key from JSON as a plain key', () => {
    const value = JSON.parse('{"__proto__": {"provider": "sk-12345"}, "a": 1}') as object;
    const redacted = redactDeep(value, 'sk-12345');
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
    expect(Object.keys(redacted)).toEqual(['__proto__', 'a']);
    expect(JSON.stringify(redacted)).toBe('{"__proto__":{"provider":"<redacted>"},"a":1}');
  });
});
