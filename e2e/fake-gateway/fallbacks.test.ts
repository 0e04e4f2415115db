import { describe, expect, it } from 'vitest';
import { buildAttempts, resolveFallbacks } from './fallbacks';
import { parseModelRef } from './requestParser';
import type { ModelRef } from './types';

const ref = (id: string): ModelRef => {
  const parsed = parseModelRef(id);
  if (!parsed) throw new Error(id);
  return parsed;
};
const resolve = (primary: string, fallbacks: string[], header?: string) =>
  resolveFallbacks(buildAttempts(ref(primary), fallbacks.map(ref), header));

describe('resolveFallbacks', () => {
  it('serves with the primary when it does not fail', () => {
    expect(resolve('openai/a', ['openai/b'])).toEqual({ kind: 'serve', attemptIndex: 0, mode: undefined });
  });

  it('moves on to the first fallback that works after retryable errors', () => {
    expect(resolve('fail/500', ['fail/429', 'openai/b'])).toMatchObject({ kind: 'serve', attemptIndex: 2 });
    expect(resolve('openai/a', ['openai/b'], '401')).toMatchObject({ kind: 'serve', attemptIndex: 1 });
  });

  it('returns the primary error when every attempt fails, and does not retry 400/404', () => {
    expect(resolve('fail/503', ['fail/500', 'fail/404'])).toMatchObject({
      kind: 'error',
      error: { status: 503 },
    });
    expect(resolve('fail/400', ['openai/b'])).toMatchObject({ kind: 'error', error: { status: 400 } });
    expect(resolve('fail/404', ['openai/b'])).toMatchObject({ kind: 'error', error: { status: 404 } });
  });

  it('applies the header to the primary only and serves stream/raw modes without retrying', () => {
    expect(resolve('fail/500', ['fail/drop'])).toEqual({ kind: 'serve', attemptIndex: 1, mode: 'drop' });
    expect(resolve('openai/a', [], 'midstream')).toEqual({
      kind: 'serve',
      attemptIndex: 0,
      mode: 'midstream',
    });
    expect(resolve('fail/html', ['openai/b'])).toEqual({ kind: 'serve', attemptIndex: 0, mode: 'html' });
  });

  it('answers an unknown mode with a 400', () => {
    expect(resolve('fail/teapot', ['openai/b'])).toMatchObject({ kind: 'error', error: { status: 400 } });
    expect(resolve('openai/a', ['openai/b'], 'bogus')).toMatchObject({
      kind: 'error',
      error: { status: 400 },
    });
  });

  it('echo-headers fails with the request headers it was given, and is not retried', () => {
    const attempts = buildAttempts(ref('fail/echo-headers'), [ref('openai/b')]);
    const resolution = resolveFallbacks(attempts, { 'x-bf-vk': 'vk-secret' });
    expect(resolution).toMatchObject({
      kind: 'error',
      error: { status: 400, headers: { 'x-bifrost-echo-x-bf-vk': 'vk-secret' } },
    });
    expect(resolve('openai/a', [], 'echo-headers')).toMatchObject({ kind: 'error', error: { status: 400 } });
  });
});
