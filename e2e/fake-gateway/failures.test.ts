import { describe, expect, it } from 'vitest';
import {
  echoHeadersError,
  errorEnvelope,
  isOpenStreamMode,
  isRetryableStatus,
  parseFailureMode,
  STATUS_MODES,
  statusModeError,
  unknownModeError,
} from './failures';

const ref = { provider: 'openai', model: 'gpt-x', id: 'openai/gpt-x' };

describe('failure modes', () => {
  it('parses known modes only', () => {
    expect(parseFailureMode('429')).toBe('429');
    expect(parseFailureMode(' No-First-Byte ')).toBe('no-first-byte');
    expect(parseFailureMode('418')).toBeUndefined();
    expect(
      ['midstream', 'stall', 'no-first-byte', 'html', '500'].map((m) => isOpenStreamMode(m as 'stall')),
    ).toEqual([true, true, false, false, false]);
  });

  it('gives every status mode its own status and a Bifrost envelope', () => {
    for (const mode of STATUS_MODES) {
      const spec = statusModeError(mode, ref);
      expect(spec.status).toBe(Number(mode));
      const body = errorEnvelope(spec, { provider: 'openai' });
      expect(body).toMatchObject({
        is_bifrost_error: false,
        status_code: Number(mode),
        extra_fields: { provider: 'openai' },
      });
      expect(typeof (body.error as { message: unknown }).message).toBe('string');
      expect((body.extra_fields as { error_type: string }).error_type).toMatch(/^[a-z_]+$/);
    }
  });

  it('matches the documented specifics', () => {
    expect(statusModeError('401', ref).error).toMatchObject({
      type: 'authentication_error',
      code: 'invalid_api_key',
    });
    expect(statusModeError('400', ref).error).toEqual({
      type: 'invalid_request_error',
      message: 'temperature must be between 0 and 2',
      param: 'temperature',
    });
    expect(statusModeError('429', ref).headers).toEqual({ 'retry-after': '7' });
    expect(statusModeError('403', ref)).toMatchObject({
      type: 'model_blocked',
      errorType: 'policy_model_blocked',
    });
    expect(statusModeError('404', ref).error.message).toContain('gpt-x');
    expect(unknownModeError('nope')).toMatchObject({ status: 400 });
  });

  it('retries what Bifrost retries', () => {
    expect([400, 401, 402, 403, 404, 429, 500, 502, 503, 504].filter(isRetryableStatus)).toEqual([
      401, 402, 403, 429, 500, 502, 503, 504,
    ]);
  });

  it('echo-headers quotes every request header and repeats the credential ones as response headers', () => {
    const received = {
      authorization: 'Bearer sk-echo-1',
      'x-bf-vk': 'vk-echo-2',
      'x-api-key': 'k-3',
      'content-type': 'application/json',
    };
    expect(parseFailureMode('Echo-Headers')).toBe('echo-headers');
    const spec = echoHeadersError(received);
    expect(spec).toMatchObject({ status: 400, error: { type: 'invalid_request_error', param: 'headers' } });
    expect(spec.error.message).toBe(`Unsupported request headers: ${JSON.stringify(received)}`);
    expect(spec.headers).toEqual({
      'x-bifrost-echo-authorization': 'Bearer sk-echo-1',
      'x-bifrost-echo-x-bf-vk': 'vk-echo-2',
      'x-bifrost-echo-x-api-key': 'k-3',
    });
    expect(echoHeadersError({ accept: '*/*' }).headers).toEqual({});
  });
});
