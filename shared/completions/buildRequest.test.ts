import { describe, expect, it } from 'vitest';
import type { CompletionParams } from '../contracts/params';
import type { Profile } from '../contracts/profiles';
import {
  authHeaders,
  BEST_OF_STREAM_NOTE,
  buildCompletionRequest,
  FALLBACKS_DROPPED_NOTE,
  KEY_PLACEHOLDER,
  keyHeaderName,
  modelsUrl,
  STREAM_OPTIONS_DROPPED_NOTE,
} from './buildRequest';

const bifrost: Profile = {
  id: 'local-bifrost',
  name: 'Local Bifrost',
  kind: 'bifrost',
  baseUrl: 'http://localhost:8080/',
  endpoint: '/v1/completions',
  headers: {},
};
const openai: Profile = {
  id: 'openai',
  name: 'OpenAI',
  kind: 'openai',
  baseUrl: 'https://api.openai.com/v1',
  endpoint: '/completions',
  headers: {},
};

const minimal: CompletionParams = { model: 'openai/gpt-3.5-turbo-instruct', prompt: 'Once upon a time' };

function bodyOf(profile: Profile, params: CompletionParams): Record<string, unknown> {
  return JSON.parse(buildCompletionRequest(profile, params, 'k-123').body) as Record<string, unknown>;
}

describe('buildCompletionRequest', () => {
  it('sends only the set fields, as a POST to baseUrl + endpoint without a double slash', () => {
    const request = buildCompletionRequest(bifrost, minimal, undefined);
    expect(request.method).toBe('POST');
    expect(request.url).toBe('http://localhost:8080/v1/completions');
    expect(request.body).toBe('{"model":"openai/gpt-3.5-turbo-instruct","prompt":"Once upon a time"}');
    expect(request.stream).toBe(false);
    expect(request.notes).toEqual([]);
  });

  it('writes every field in the fixed schema order', () => {
    const all: CompletionParams = {
      fallbacks: ['anthropic/claude-3'],
      seed: 7,
      user: 'u',
      logit_bias: { '50256': -100 },
      best_of: 1,
      frequency_penalty: 0.5,
      presence_penalty: -0.5,
      stop: ['\n'],
      echo: true,
      logprobs: 3,
      stream_options: { include_usage: true },
      stream: true,
      n: 1,
      top_p: 0.9,
      temperature: 0.7,
      max_tokens: 20,
      suffix: 'END',
      prompt: ['a', 'b'],
      model: 'openai/davinci-002',
    };
    const request = buildCompletionRequest(bifrost, all, 'vk');
    expect(Object.keys(JSON.parse(request.body) as object)).toEqual([
      'model',
      'prompt',
      'suffix',
      'max_tokens',
      'temperature',
      'top_p',
      'n',
      'stream',
      'stream_options',
      'logprobs',
      'echo',
      'stop',
      'presence_penalty',
      'frequency_penalty',
      'best_of',
      'logit_bias',
      'user',
      'seed',
      'fallbacks',
    ]);
    expect(request.stream).toBe(true);
    expect(request.headers.Accept).toBe('text/event-stream');
  });

  it('keeps values byte for byte, including non-ASCII text and zero values', () => {
    const body = bodyOf(openai, {
      ...minimal,
      prompt: 'café 🙂 안녕',
      temperature: 0,
      max_tokens: 0,
      echo: false,
    });
    expect(body).toEqual({
      model: minimal.model,
      prompt: 'café 🙂 안녕',
      max_tokens: 0,
      temperature: 0,
      echo: false,
    });
  });

  it('sends stop as an array and leaves out empty stop, fallbacks and logit_bias', () => {
    expect(bodyOf(bifrost, { ...minimal, stop: ['.', '\n'] }).stop).toEqual(['.', '\n']);
    const body = bodyOf(bifrost, { ...minimal, stop: [], fallbacks: [], logit_bias: {} });
    expect(body).not.toHaveProperty('stop');
    expect(body).not.toHaveProperty('fallbacks');
    expect(body).not.toHaveProperty('logit_bias');
  });

  it('turns a stray string stop into an array (Bifrost rejects a string)', () => {
    const params = { ...minimal, stop: '\n' } as unknown as CompletionParams;
    expect(bodyOf(bifrost, params).stop).toEqual(['\n']);
  });

  it('sends stream false when the form says false, and nothing when stream is unset', () => {
    const off = buildCompletionRequest(bifrost, { ...minimal, stream: false }, undefined);
    expect(JSON.parse(off.body)).toMatchObject({ stream: false });
    expect(off.stream).toBe(false);
    expect(off.headers.Accept).toBe('application/json');
    expect(bodyOf(bifrost, minimal)).not.toHaveProperty('stream');
  });

  it('sends stream_options only when streaming, and notes when it is dropped', () => {
    const streaming = bodyOf(bifrost, { ...minimal, stream: true, stream_options: { include_usage: true } });
    expect(streaming.stream_options).toEqual({ include_usage: true });

    const batch = buildCompletionRequest(
      bifrost,
      { ...minimal, stream_options: { include_usage: true } },
      undefined,
    );
    expect(JSON.parse(batch.body)).not.toHaveProperty('stream_options');
    expect(batch.notes).toEqual([STREAM_OPTIONS_DROPPED_NOTE]);

    const empty = buildCompletionRequest(
      bifrost,
      { ...minimal, stream: true, stream_options: {} },
      undefined,
    );
    expect(JSON.parse(empty.body)).not.toHaveProperty('stream_options');
    expect(empty.notes).toEqual([]);
  });

  it('turns streaming off when best_of > 1 and says why', () => {
    const request = buildCompletionRequest(
      bifrost,
      { ...minimal, stream: true, stream_options: { include_usage: true }, best_of: 3, n: 2 },
      undefined,
    );
    const body = JSON.parse(request.body) as Record<string, unknown>;
    expect(body.stream).toBe(false);
    expect(body).not.toHaveProperty('stream_options');
    expect(body.best_of).toBe(3);
    expect(request.stream).toBe(false);
    expect(request.headers.Accept).toBe('application/json');
    expect(request.notes).toEqual([BEST_OF_STREAM_NOTE]);
    expect(BEST_OF_STREAM_NOTE).toBe(
      'Streaming is off: best_of > 1 cannot be streamed (the server picks the best of several completions at the end).',
    );
  });

  it('keeps streaming with best_of 1', () => {
    const request = buildCompletionRequest(bifrost, { ...minimal, stream: true, best_of: 1 }, undefined);
    expect(request.stream).toBe(true);
    expect(request.notes).toEqual([]);
  });

  it('sends fallbacks to Bifrost only and notes when they are dropped', () => {
    const fallbacks = ['anthropic/claude-3-5-sonnet', 'bedrock/claude'];
    expect(bodyOf(bifrost, { ...minimal, fallbacks }).fallbacks).toEqual(fallbacks);
    const toOpenAi = buildCompletionRequest(openai, { ...minimal, fallbacks }, undefined);
    expect(JSON.parse(toOpenAi.body)).not.toHaveProperty('fallbacks');
    expect(toOpenAi.notes).toEqual([FALLBACKS_DROPPED_NOTE]);
  });

  it('puts the key in x-bf-vk for Bifrost and in Authorization otherwise', () => {
    expect(buildCompletionRequest(bifrost, minimal, 'sk-bf-abc').headers).toEqual({
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'x-bf-vk': 'sk-bf-abc',
    });
    expect(buildCompletionRequest(openai, minimal, 'sk-abc').headers).toEqual({
      'Content-Type': 'application/json',
      Accept: 'application/json',
      Authorization: 'Bearer sk-abc',
    });
    const compatible: Profile = { ...openai, kind: 'openai-compatible' };
    expect(buildCompletionRequest(compatible, minimal, KEY_PLACEHOLDER).headers.Authorization).toBe(
      'Bearer <key>',
    );
    expect(keyHeaderName(bifrost)).toBe('x-bf-vk');
    expect(keyHeaderName(compatible)).toBe('Authorization');
  });

  it('sends no key header without a key, or with an empty one', () => {
    for (const key of [undefined, '', '   ']) {
      const headers = buildCompletionRequest(openai, minimal, key).headers;
      expect(Object.keys(headers).map((name) => name.toLowerCase())).toEqual(['content-type', 'accept']);
    }
  });

  it('adds profile headers, which replace defaults of the same name in any case', () => {
    const profile: Profile = {
      ...bifrost,
      headers: { 'x-bf-cache-key': 'demo', accept: 'application/x-ndjson' },
    };
    expect(buildCompletionRequest(profile, minimal, 'vk').headers).toEqual({
      'Content-Type': 'application/json',
      accept: 'application/x-ndjson',
      'x-bf-cache-key': 'demo',
      'x-bf-vk': 'vk',
    });
  });
});

describe('modelsUrl', () => {
  it('replaces a trailing /completions by /models', () => {
    expect(modelsUrl(bifrost)).toBe('http://localhost:8080/v1/models');
    expect(modelsUrl({ ...bifrost, endpoint: '/openai/v1/completions' })).toBe(
      'http://localhost:8080/openai/v1/models',
    );
    expect(modelsUrl(openai)).toBe('https://api.openai.com/v1/models');
    expect(modelsUrl({ ...bifrost, endpoint: '/v1/completions/' })).toBe('http://localhost:8080/v1/models');
  });

  it('falls back to /v1/models when the endpoint does not end in /completions', () => {
    expect(modelsUrl({ ...bifrost, endpoint: '/generate' })).toBe('http://localhost:8080/v1/models');
    expect(modelsUrl({ ...bifrost, endpoint: '/v1/completions-beta' })).toBe(
      'http://localhost:8080/v1/models',
    );
  });
});

describe('authHeaders', () => {
  it('asks for JSON and carries the profile headers and the key', () => {
    const profile: Profile = { ...bifrost, headers: { 'x-bf-dim-team': 'a' } };
    expect(authHeaders(profile, 'vk')).toEqual({
      Accept: 'application/json',
      'x-bf-dim-team': 'a',
      'x-bf-vk': 'vk',
    });
    expect(authHeaders(openai, 'sk')).toEqual({ Accept: 'application/json', Authorization: 'Bearer sk' });
    expect(authHeaders(openai, undefined)).toEqual({ Accept: 'application/json' });
  });
});
