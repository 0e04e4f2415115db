import { describe, expect, it } from 'vitest';
import { redactSecrets } from '@shared/completions/redact';
import { interpretBody, interpretFrame } from './interpretResponse';

const KEY = 'sk-interpret-1234';
const redact = (text: string) => redactSecrets(text, [KEY]);
const url = 'http://gw.test/v1/completions';
const ctx = (contentType = 'application/json') => ({
  url,
  status: 200,
  headers: { 'content-type': contentType },
  redact,
});

describe('interpretBody', () => {
  it('returns the normalised completion', () => {
    const result = interpretBody(
      JSON.stringify({ choices: [{ index: 0, text: 'hi', finish_reason: 'stop' }] }),
      ctx(),
    );
    expect(result).toMatchObject({
      ok: true,
      completion: { choices: [{ index: 0, text: 'hi', finishReason: 'stop' }] },
    });
  });

  it('refuses HTML, plain text, JSON that is no completion, and empty choices', () => {
    const html = interpretBody('<!doctype html><title>Login</title>', ctx('text/html'));
    expect(html).toMatchObject({ ok: false, error: { kind: 'invalid_response' } });
    expect(!html.ok && html.error.message).toMatch(/HTML/);
    expect(interpretBody('OK', ctx('text/plain'))).toMatchObject({
      ok: false,
      error: { kind: 'invalid_response' },
    });
    const notCompletion = interpretBody('{"object":"list","data":[]}', ctx());
    expect(!notCompletion.ok && notCompletion.error.message).toMatch(/choices/);
    expect(interpretBody('{"choices":[]}', ctx())).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/no choices/) },
    });
  });

  it('an error payload in a 2xx body: classified by its own status when it has one; raw redacted', () => {
    const withStatus = interpretBody(`{"status_code":429,"error":{"message":"slow down ${KEY}"}}`, ctx());
    expect(withStatus).toMatchObject({ ok: false, error: { kind: 'rate_limited', status: 429 } });
    expect(JSON.stringify(withStatus)).not.toContain(KEY);
    const without = interpretBody('{"error":"nope"}', ctx());
    expect(without).toMatchObject({ ok: false, error: { kind: 'invalid_response' } });
    expect(!without.ok && without.error.message).toMatch(/with an error: nope/);
  });
});

describe('interpretFrame', () => {
  const frame = (data: string, event?: string) => ({ event, data });

  it('chunks, [DONE], and frames to skip', () => {
    expect(interpretFrame(frame('{"choices":[{"index":1,"text":"x"}]}'), url, redact)).toMatchObject({
      type: 'chunk',
      completion: { choices: [{ index: 1, text: 'x', finishReason: null }] },
    });
    expect(interpretFrame(frame('[DONE]'), url, redact)).toEqual({ type: 'done' });
    expect(interpretFrame(frame(' [DONE] '), url, redact)).toEqual({ type: 'done' });
    expect(interpretFrame(frame(''), url, redact)).toEqual({ type: 'skip' });
    expect(interpretFrame(frame('{"x":1}', 'ping'), url, redact)).toEqual({ type: 'skip' });
    expect(interpretFrame(frame('{"choices":[]}', 'message'), url, redact)).toMatchObject({ type: 'chunk' });
  });

  it('error frames: data error payload, event: error, bad JSON, not a chunk — all redacted', () => {
    const data = interpretFrame(frame(`{"status_code":500,"error":{"message":"reset ${KEY}"}}`), url, redact);
    expect(data).toMatchObject({ type: 'error', error: { kind: 'stream_error' } });
    const named = interpretFrame(frame('{"error":"stream interceptor failed"}', 'error'), url, redact);
    expect(named).toMatchObject({
      type: 'error',
      error: { kind: 'stream_error', title: expect.stringMatching(/error event/) },
    });
    expect(interpretFrame(frame('{"choices":[{'), url, redact)).toMatchObject({
      type: 'error',
      error: { kind: 'invalid_response', message: expect.stringMatching(/not valid JSON/) },
    });
    expect(interpretFrame(frame('[1,2]'), url, redact)).toMatchObject({
      type: 'error',
      error: { kind: 'invalid_response' },
    });
    expect(JSON.stringify(data)).not.toContain(KEY);
  });
});
