import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_MODES } from './failures';
import { startFakeGateway, type FakeGateway } from './server';
import { bifrostHeadersOf, eventually, post, type WireCompletion, type WireError } from './testSupport';

let gateway: FakeGateway;
beforeAll(async () => {
  gateway = await startFakeGateway();
});
afterAll(() => gateway.close());

describe('status failure modes', () => {
  it('answers each with its status, a Bifrost envelope and routing headers (streaming or not)', async () => {
    for (const mode of STATUS_MODES) {
      for (const stream of [false, true]) {
        const response = await post(gateway.url, { model: `fail/${mode}`, prompt: 'x', stream });
        expect(response.status).toBe(Number(mode));
        expect(response.headers.get('content-type')).toBe('application/json');
        expect(bifrostHeadersOf(response)).toMatchObject({
          'x-bifrost-provider': 'fail',
          'x-bifrost-original-model': mode,
          'x-bifrost-request-type': stream ? 'text_completion_stream' : 'text_completion',
        });
        const json = (await response.json()) as WireError;
        expect(json).toMatchObject({ is_bifrost_error: false, status_code: Number(mode) });
        expect(json.error.message.length).toBeGreaterThan(0);
        expect(json.extra_fields).toMatchObject({
          provider: 'fail',
          routing_info: { provider: 'fail', model: mode },
        });
      }
    }
  });

  it('uses the documented details for 401, 400 and 429', async () => {
    const unauthorized = (await (
      await post(gateway.url, { model: 'fail/401', prompt: 'x' })
    ).json()) as WireError;
    expect(unauthorized.error).toMatchObject({ type: 'authentication_error', code: 'invalid_api_key' });
    const bad = (await (await post(gateway.url, { model: 'fail/400', prompt: 'x' })).json()) as WireError;
    expect(bad.error).toEqual({
      type: 'invalid_request_error',
      message: 'temperature must be between 0 and 2',
      param: 'temperature',
    });
    const limited = await post(gateway.url, { model: 'fail/429', prompt: 'x' });
    expect(limited.headers.get('retry-after')).toBe('7');
    await limited.text();
  });

  it('applies x-fake-fail to a normal model', async () => {
    const response = await post(
      gateway.url,
      { model: 'openai/gpt-x', prompt: 'x' },
      { 'x-fake-fail': '503' },
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('x-bifrost-provider')).toBe('openai');
    await response.text();
  });
});

describe('echo-headers', () => {
  it('puts the request headers, key included, in the error body and the credential ones in headers', async () => {
    for (const stream of [false, true]) {
      const response = await post(
        gateway.url,
        { model: 'fail/echo-headers', prompt: 'x', stream },
        { authorization: 'Bearer sk-echo-me', 'x-bf-vk': 'vk-echo-me' },
      );
      expect(response.status).toBe(400);
      expect(response.headers.get('x-bifrost-echo-authorization')).toBe('Bearer sk-echo-me');
      expect(response.headers.get('x-bifrost-echo-x-bf-vk')).toBe('vk-echo-me');
      expect(response.headers.get('x-bifrost-provider')).toBe('fail');
      const json = (await response.json()) as WireError;
      expect(json).toMatchObject({ is_bifrost_error: false, status_code: 400, error: { param: 'headers' } });
      expect(json.error.message).toContain('"authorization":"Bearer sk-echo-me"');
      expect(json.error.message).toContain('"x-bf-vk":"vk-echo-me"');
      expect(json.error.message).toContain('"content-type":"application/json"');
    }
  });

  it('applies as x-fake-fail to any model', async () => {
    const response = await post(
      gateway.url,
      { model: 'openai/gpt-x', prompt: 'x' },
      { 'x-fake-fail': 'echo-headers', 'x-api-key': 'k-echo' },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('x-bifrost-echo-x-api-key')).toBe('k-echo');
    expect(((await response.json()) as WireError).error.message).toContain('"x-api-key":"k-echo"');
  });
});

describe('non-Bifrost answers', () => {
  it('html: 502 text/html, html-200: 200 text/html, non-json: 200 text/plain "OK", without x-bifrost headers', async () => {
    const html = await post(gateway.url, { model: 'fail/html', prompt: 'x', stream: true });
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toBe('text/html');
    expect(await html.text()).toContain('<h1>502 Bad Gateway</h1>');
    expect(bifrostHeadersOf(html)).toEqual({});
    const page = await post(gateway.url, { model: 'fail/html-200', prompt: 'x' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toMatch(/^<!doctype html>/);
    const plain = await post(gateway.url, { model: 'fail/non-json', prompt: 'x' });
    expect([plain.status, plain.headers.get('content-type'), await plain.text()]).toEqual([
      200,
      'text/plain; charset=utf-8',
      'OK',
    ]);
  });

  it('non-streaming drop, truncated, stall, midstream: no response, cut JSON, half then silence, a 500', async () => {
    await expect(post(gateway.url, { model: 'fail/drop', prompt: 'x' })).rejects.toThrow();
    const truncated = await post(gateway.url, { model: 'fail/truncated', prompt: 'x' });
    expect(truncated.status).toBe(200);
    const text = await truncated.text();
    expect(text.startsWith('{"id":"cmpl-')).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow();
    const stallAbort = new AbortController();
    const stall = await post(
      gateway.url,
      { model: 'fail/stall', prompt: 'x' },
      {},
      undefined,
      stallAbort.signal,
    );
    expect(stall.status).toBe(200);
    const reader = stall.body?.getReader();
    if (!reader) throw new Error('no body');
    expect(new TextDecoder().decode((await reader.read()).value)).toMatch(/^\{"id":"cmpl-/);
    stallAbort.abort();
    expect(await eventually(() => gateway.openResponses() === 0)).toBe(true);
    const midstream = await post(gateway.url, { model: 'fail/midstream', prompt: 'x' });
    expect(midstream.status).toBe(500);
    expect(((await midstream.json()) as WireError).error.message).toBe('upstream connection reset');
  });
});

describe('fallbacks', () => {
  it('serves with the first working fallback and says so in headers and extra_fields', async () => {
    const response = await post(gateway.url, {
      model: 'fail/500',
      prompt: 'x',
      max_tokens: 2,
      fallbacks: ['fail/429', 'anthropic/claude-2.1', 'openai/never-used'],
    });
    expect(response.status).toBe(200);
    expect(bifrostHeadersOf(response)).toMatchObject({
      'x-bifrost-fallback-index': '2',
      'x-bifrost-provider': 'anthropic',
      'x-bifrost-resolved-model': 'claude-2.1',
      'x-bifrost-original-model': '500',
      'x-bifrost-routing-info-is-fallback': 'true',
      'x-bifrost-routing-info-primary-provider': 'fail',
      'x-bifrost-routing-info-primary-model': '500',
    });
    const json = (await response.json()) as WireCompletion;
    expect(json.model).toBe('claude-2.1');
    expect(json.extra_fields).toMatchObject({
      provider: 'anthropic',
      original_model_requested: '500',
      resolved_model_used: 'claude-2.1',
      routing_info: {
        provider: 'anthropic',
        model: 'claude-2.1',
        is_fallback: true,
        primary_provider: 'fail',
        primary_model: '500',
      },
    });
  });

  it('the x-fake-fail header fails the primary only', async () => {
    const response = await post(
      gateway.url,
      { model: 'openai/a', prompt: 'x', max_tokens: 1, fallbacks: ['openai/b'] },
      { 'x-fake-fail': '401' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-bifrost-fallback-index')).toBe('1');
    expect(response.headers.get('x-bifrost-resolved-model')).toBe('b');
    await response.text();
  });

  it("returns the primary's error when all fail, and does not retry 400 or 404", async () => {
    const allFail = await post(gateway.url, {
      model: 'fail/503',
      prompt: 'x',
      fallbacks: ['fail/500', 'fail/502'],
    });
    expect(allFail.status).toBe(503);
    expect(allFail.headers.get('x-bifrost-fallback-index')).toBeNull();
    expect(((await allFail.json()) as WireError).extra_fields).toMatchObject({
      routing_info: { is_fallback: false },
    });
    for (const mode of ['400', '404']) {
      const response = await post(gateway.url, {
        model: `fail/${mode}`,
        prompt: 'x',
        fallbacks: ['openai/b'],
      });
      expect(response.status).toBe(Number(mode));
      expect(response.headers.get('x-bifrost-fallback-index')).toBeNull();
      await response.text();
    }
  });

  it('serves streams from a fallback too (the failure happens before the stream opens)', async () => {
    const response = await post(gateway.url, {
      model: 'fail/502',
      prompt: 'x',
      stream: true,
      max_tokens: 2,
      fallbacks: ['openai/b'],
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('x-bifrost-fallback-index')).toBe('1');
    expect(await response.text()).toContain('"is_fallback":true');
  });
});
