import { describe, expect, it } from 'vitest';
import { runErrorSchema } from '../contracts/runs';
import { classifyHttpError, invalidResponseError, streamErrorFromFrame } from './classifyError';

const url = 'http://localhost:8080/v1/completions';
const json = { 'content-type': 'application/json' };

function bifrostError(status: number, error: Record<string, unknown>, type?: string): string {
  return JSON.stringify({
    is_bifrost_error: false,
    status_code: status,
    type,
    error,
    extra_fields: { provider: 'openai' },
  });
}

describe('classifyHttpError', () => {
  it('401: the key was rejected, with the provider message and what to do', () => {
    const error = classifyHttpError({
      url,
      status: 401,
      headers: json,
      bodyText: bifrostError(401, {
        type: 'authentication_error',
        code: 'invalid_api_key',
        message: 'Invalid API key',
      }),
    });
    expect(error).toMatchObject({
      kind: 'auth',
      title: 'The provider rejected the key',
      status: 401,
      code: 'invalid_api_key',
      type: 'authentication_error',
      url,
    });
    expect(error.message).toMatch(/^Invalid API key\. Set a valid key for this profile/);
    expect(runErrorSchema.parse(error)).toEqual(error);
  });

  it('403 and 402 get their own kinds', () => {
    const forbidden = classifyHttpError({
      url,
      status: 403,
      headers: json,
      bodyText: bifrostError(403, { message: 'model blocked' }),
    });
    expect(forbidden).toMatchObject({ kind: 'forbidden', title: 'Access denied' });
    expect(forbidden.message).toContain('model blocked.');
    const billing = classifyHttpError({
      url,
      status: 402,
      headers: json,
      bodyText: bifrostError(402, { message: 'out of credits' }),
    });
    expect(billing).toMatchObject({ kind: 'payment_required', title: 'Payment required' });
    expect(billing.message).toContain('billing');
  });

  it('404: names the model from the provider message and the endpoint path', () => {
    const error = classifyHttpError({
      url,
      status: 404,
      headers: json,
      bodyText: bifrostError(404, { message: 'model openai/gpt-9 not found' }),
    });
    expect(error.kind).toBe('not_found');
    expect(error.title).toBe('Model or endpoint not found');
    expect(error.message).toContain('model openai/gpt-9 not found.');
    expect(error.message).toContain('(/v1/completions)');
  });

  it('400: the title names the offending param', () => {
    const error = classifyHttpError({
      url,
      status: 400,
      headers: json,
      bodyText: bifrostError(
        400,
        { message: 'temperature must be between 0 and 2', param: 'temperature' },
        'invalid_request_error',
      ),
    });
    expect(error).toMatchObject({
      kind: 'bad_request',
      title: 'Bad request: temperature',
      param: 'temperature',
      type: 'invalid_request_error',
      status: 400,
    });
    expect(error.message).toMatch(/^temperature must be between 0 and 2\./);
  });

  it('400/422 without a param', () => {
    expect(
      classifyHttpError({
        url,
        status: 400,
        headers: json,
        bodyText: '{"error":{"message":"prompt is required for text completion"}}',
      }),
    ).toMatchObject({
      kind: 'bad_request',
      title: 'Bad request (400)',
      message: 'prompt is required for text completion.',
    });
    expect(
      classifyHttpError({
        url,
        status: 422,
        headers: json,
        bodyText: '{"detail":[{"loc":["body","n"],"msg":"bad"}]}',
      }),
    ).toMatchObject({
      kind: 'bad_request',
      title: 'Bad request: n',
      param: 'n',
    });
  });

  it('429: Retry-After in seconds, in ms, or as an HTTP date', () => {
    const body = bifrostError(429, { message: 'rate limit exceeded' });
    const seconds = classifyHttpError({
      url,
      status: 429,
      headers: { ...json, 'retry-after': '7' },
      bodyText: body,
    });
    expect(seconds).toMatchObject({ kind: 'rate_limited', title: 'Rate limited', retryAfterSeconds: 7 });
    expect(seconds.message).toBe('rate limit exceeded. Retry after 7 s.');
    const ms = classifyHttpError({
      url,
      status: 429,
      headers: { 'retry-after-ms': '1500', 'retry-after': '2' },
      bodyText: body,
    });
    expect(ms.retryAfterSeconds).toBe(1.5);
    const date = new Date(Date.now() + 30_000).toUTCString();
    const byDate = classifyHttpError({ url, status: 429, headers: { 'Retry-After': date }, bodyText: body });
    expect(byDate.retryAfterSeconds).toBeGreaterThanOrEqual(28);
    expect(byDate.retryAfterSeconds).toBeLessThanOrEqual(31);
    const none = classifyHttpError({ url, status: 429, headers: json, bodyText: body });
    expect(none.retryAfterSeconds).toBeUndefined();
    expect(none.message).toContain('Wait a moment');
  });

  it('429 insufficient_quota is a billing problem, not a retry', () => {
    const error = classifyHttpError({
      url,
      status: 429,
      headers: { 'retry-after': '20' },
      bodyText: JSON.stringify({
        error: {
          message: 'You exceeded your current quota',
          type: 'insufficient_quota',
          code: 'insufficient_quota',
        },
      }),
    });
    expect(error).toMatchObject({
      kind: 'rate_limited',
      title: 'Quota exceeded',
      code: 'insufficient_quota',
    });
    expect(error.retryAfterSeconds).toBeUndefined();
    expect(error.message).toContain('quota or billing problem, not a temporary limit');
  });

  it('5xx: server errors with a status-specific title', () => {
    for (const [status, title] of [
      [500, 'Server error (500)'],
      [502, 'Bad gateway (502)'],
      [503, 'Service unavailable (503)'],
      [504, 'Gateway timeout (504)'],
    ] as const) {
      const error = classifyHttpError({
        url,
        status,
        headers: json,
        bodyText: bifrostError(status, { message: 'upstream failed' }),
      });
      expect(error).toMatchObject({ kind: 'server_error', title, status });
      expect(error.message).toMatch(/^upstream failed\. The gateway or the upstream provider failed/);
    }
  });

  it('an HTML body: kind by status, message says it was an HTML page, with its title', () => {
    const html =
      '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>';
    const error = classifyHttpError({
      url,
      status: 502,
      headers: { 'content-type': 'text/html' },
      bodyText: html,
    });
    expect(error.kind).toBe('server_error');
    expect(error.message).toMatch(/^The server answered with an HTML page \(status 502\): “502 Bad Gateway”/);
    expect(error.raw).toBe(html);
    // Recognised by its first tag even without a content-type.
    expect(
      classifyHttpError({ url, status: 404, headers: {}, bodyText: '<html><body>x</body></html>' }).message,
    ).toContain('an HTML page (status 404)');
  });

  it('a non-JSON or empty body: says so, with the start of the text', () => {
    const text = classifyHttpError({
      url,
      status: 401,
      headers: { 'content-type': 'text/plain' },
      bodyText: 'Unauthorized\n',
    });
    expect(text.kind).toBe('auth');
    expect(text.message).toMatch(
      /^The server answered with a non-JSON body \(status 401\): “Unauthorized”\. Set a valid key/,
    );
    const empty = classifyHttpError({ url, status: 503, headers: {}, bodyText: '' });
    expect(empty.message).toMatch(/^The server answered with an empty body \(status 503\)\./);
    const noError = classifyHttpError({ url, status: 500, headers: json, bodyText: '{"ok":false}' });
    expect(noError.message).toMatch(/^The server answered with status 500 and no error message\./);
  });

  it('truncates raw to 64 KiB', () => {
    const big = 'x'.repeat(200_000);
    const error = classifyHttpError({ url, status: 500, headers: {}, bodyText: big });
    expect(error.raw?.length).toBeLessThanOrEqual(64 * 1024);
    expect(error.raw).toContain('truncated: 200000 characters in total');
  });

  it('an unusual status is unknown', () => {
    expect(classifyHttpError({ url, status: 302, headers: {}, bodyText: '' })).toMatchObject({
      kind: 'unknown',
      title: 'Unexpected status 302',
    });
  });
});

describe('invalidResponseError', () => {
  it('describes an HTML page served with status 200', () => {
    const error = invalidResponseError(
      url,
      'text/html; charset=utf-8',
      '<html><title>Login</title></html>',
      'Expected JSON',
    );
    expect(error.kind).toBe('invalid_response');
    expect(error.title).toBe('The server’s answer is not a completion');
    expect(error.message).toMatch(/^Expected JSON\. The server answered with an HTML page: “Login”/);
    expect(error.raw).toBe('<html><title>Login</title></html>');
    expect(error.url).toBe(url);
  });

  it('describes a non-JSON body and JSON that is not a completion', () => {
    expect(invalidResponseError(url, 'text/plain', 'OK', 'Expected JSON').message).toContain(
      'a non-JSON body: “OK”',
    );
    const notCompletion = invalidResponseError(
      url,
      'application/json',
      '{"data":[]}',
      'not a completion response: it has no "choices" field',
    );
    expect(notCompletion.message).toMatch(
      /^not a completion response: it has no "choices" field\. Check that/,
    );
  });
});

describe('streamErrorFromFrame', () => {
  it('reads a Bifrost error chunk', () => {
    const frame =
      '{"is_bifrost_error":false,"status_code":500,"error":{"message":"upstream connection reset"},"extra_fields":{}}';
    const error = streamErrorFromFrame(url, frame, undefined);
    expect(error).toMatchObject({
      kind: 'stream_error',
      title: 'The stream failed after it started',
      raw: frame,
      url,
    });
    expect(error.message).toBe('upstream connection reset (upstream status 500).');
  });

  it('mentions an error event, and reads {error: "msg"}', () => {
    const error = streamErrorFromFrame(url, '{"error":"stream interceptor failed"}', 'error');
    expect(error.title).toBe('The stream failed after it started (error event)');
    expect(error.message).toBe('stream interceptor failed.');
  });

  it('keeps non-JSON frame text as the message', () => {
    expect(streamErrorFromFrame(url, 'upstream died', 'error').message).toBe(
      'The server sent: “upstream died”.',
    );
    expect(streamErrorFromFrame(url, '', 'error').message).toBe('The server sent an empty error event.');
  });
});
