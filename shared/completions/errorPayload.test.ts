import { describe, expect, it } from 'vitest';
import { detectErrorPayload } from './normalize';

describe('detectErrorPayload', () => {
  it('reads the OpenAI envelope', () => {
    expect(
      detectErrorPayload({
        error: {
          message: 'Incorrect API key provided',
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      }),
    ).toEqual({
      message: 'Incorrect API key provided',
      type: 'invalid_request_error',
      code: 'invalid_api_key',
    });
  });

  it('reads Azure (code and message only) and a numeric code', () => {
    expect(detectErrorPayload({ error: { code: 'DeploymentNotFound', message: 'no deployment' } })).toEqual({
      message: 'no deployment',
      code: 'DeploymentNotFound',
    });
    expect(
      detectErrorPayload({ error: { code: 400, message: 'bad', type: 'invalid_request_error' } }),
    ).toEqual({
      message: 'bad',
      code: '400',
      type: 'invalid_request_error',
      status: 400,
    });
  });

  it('reads the Bifrost envelope with status_code and a top-level type', () => {
    expect(
      detectErrorPayload({
        is_bifrost_error: false,
        status_code: 400,
        type: 'invalid_request_error',
        error: { message: 'temperature must be between 0 and 2', param: 'temperature' },
        extra_fields: { provider: 'openai' },
      }),
    ).toEqual({
      message: 'temperature must be between 0 and 2',
      type: 'invalid_request_error',
      param: 'temperature',
      status: 400,
    });
    expect(detectErrorPayload({ is_bifrost_error: true, error: { error: 'dial tcp: refused' } })).toEqual({
      message: 'dial tcp: refused',
    });
  });

  it('reads {error: "msg"} and TGI error_type', () => {
    expect(detectErrorPayload({ error: 'stream interceptor failed' })).toEqual({
      message: 'stream interceptor failed',
    });
    expect(detectErrorPayload({ error: 'Input validation error', error_type: 'validation' })).toEqual({
      message: 'Input validation error',
      type: 'validation',
    });
  });

  it('reads the vLLM {object: "error"} shape', () => {
    expect(
      detectErrorPayload({
        object: 'error',
        message: 'max_tokens is too large',
        type: 'BadRequestError',
        param: null,
        code: 400,
      }),
    ).toEqual({ message: 'max_tokens is too large', type: 'BadRequestError', code: '400', status: 400 });
  });

  it('reads FastAPI detail messages', () => {
    expect(detectErrorPayload({ detail: 'Not Found' })).toEqual({ message: 'Not Found' });
    expect(
      detectErrorPayload({
        detail: [{ loc: ['body', 'temperature'], msg: 'Input should be less than 2', type: 'less_than' }],
      }),
    ).toEqual({ message: 'Input should be less than 2', param: 'temperature', type: 'less_than' });
  });

  it('returns null for completions, chunks and anything else', () => {
    expect(detectErrorPayload({ choices: [{ text: 'x', index: 0 }], error: 'ignored' })).toBeNull();
    expect(detectErrorPayload({ choices: [], usage: { total_tokens: 3 } })).toBeNull();
    expect(detectErrorPayload({ data: [] })).toBeNull();
    expect(detectErrorPayload({ error: null })).toBeNull();
    expect(detectErrorPayload({ error: '' })).toBeNull();
    expect(detectErrorPayload('error')).toBeNull();
    expect(detectErrorPayload(null)).toBeNull();
  });

  it('still reports an error object without a message', () => {
    expect(detectErrorPayload({ error: { code: 'x' } })).toEqual({
      message: 'The server reported an error without a message.',
      code: 'x',
    });
  });
});
