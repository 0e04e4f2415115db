import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGateway, type FakeGateway } from './server';
import { bifrostHeadersOf, eventually, post, type WireCompletion, type WireError } from './testSupport';

let gateway: FakeGateway;
beforeAll(async () => {
  gateway = await startFakeGateway();
});
afterAll(() => gateway.close());

async function complete(body: Record<string, unknown>, headers?: Record<string, string>, path?: string) {
  const response = await post(
    gateway.url,
    { model: 'openai/gpt-3.5-turbo-instruct', ...body },
    headers,
    path,
  );
  return { response, json: (await response.json()) as WireCompletion };
}

describe('completions (non-streaming)', () => {
  it('answers on every completion route with the Bifrost shape and routing headers', async () => {
    for (const path of ['/v1/completions', '/openai/v1/completions', '/openai/completions']) {
      const { response, json } = await complete({ prompt: 'Hello world', seed: 1 }, {}, path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(bifrostHeadersOf(response)).toMatchObject({
        'x-bifrost-provider': 'openai',
        'x-bifrost-original-model': 'gpt-3.5-turbo-instruct',
        'x-bifrost-resolved-model': 'gpt-3.5-turbo-instruct',
        'x-bifrost-request-type': 'text_completion',
        'x-bifrost-routing-info-provider': 'openai',
        'x-bifrost-routing-info-model': 'gpt-3.5-turbo-instruct',
      });
      expect(response.headers.get('x-bifrost-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.get('x-bifrost-upstream-latency-ms')).toMatch(/^\d+\.\d{3}$/);
      expect(response.headers.get('x-bifrost-fallback-index')).toBeNull();
      expect(json).toMatchObject({
        object: 'text_completion',
        model: 'gpt-3.5-turbo-instruct',
        system_fingerprint: '',
      });
      expect(json.id).toMatch(/^cmpl-/);
      expect(json.choices).toHaveLength(1);
      expect(json.choices[0]).toMatchObject({ index: 0, finish_reason: 'length', logprobs: null });
      expect(json.usage).toEqual({ prompt_tokens: 2, completion_tokens: 16, total_tokens: 18 });
      expect(json.extra_fields).toMatchObject({
        request_type: 'text_completion',
        provider: 'openai',
        original_model_requested: 'gpt-3.5-turbo-instruct',
        resolved_model_used: 'gpt-3.5-turbo-instruct',
        chunk_index: 0,
        routing_info: { provider: 'openai', model: 'gpt-3.5-turbo-instruct', is_fallback: false },
      });
      expect(typeof json.extra_fields.latency).toBe('number');
    }
  });

  it('is deterministic for a seed and echoes x-request-id', async () => {
    const a = await complete({ prompt: 'Seeded', seed: 42, max_tokens: 10 }, { 'x-request-id': 'req-123' });
    const b = await complete({ prompt: 'Seeded', seed: 42, max_tokens: 10 });
    const c = await complete({ prompt: 'Seeded', seed: 43, max_tokens: 10 });
    expect(a.response.headers.get('x-bifrost-request-id')).toBe('req-123');
    expect(a.json.choices[0]?.text).toBe(b.json.choices[0]?.text);
    expect(a.json.choices[0]?.text).not.toBe(c.json.choices[0]?.text);
    expect(a.json.id).not.toBe(b.json.id);
  });

  it('stops at a stop sequence with finish_reason "stop"', async () => {
    const { json } = await complete({ prompt: 'Go', seed: 3, stop: ['\n'] });
    expect(json.choices[0]?.finish_reason).toBe('stop');
    expect(json.choices[0]?.text).not.toContain('\n');
    expect(json.choices[0]?.text?.length).toBeGreaterThan(0);
  });

  it('echoes the prompt with logprobs whose offsets index the text', async () => {
    const prompt = 'Un café\nnaïve 🙂';
    const { json } = await complete({ prompt, seed: 5, echo: true, logprobs: 3, max_tokens: 6 });
    const choice = json.choices[0];
    const logprobs = choice?.logprobs;
    if (!choice?.text || !logprobs) throw new Error('missing choice');
    expect(choice.text.startsWith(prompt)).toBe(true);
    expect(logprobs.tokens.join('')).toBe(choice.text);
    expect(logprobs.token_logprobs[0]).toBeNull();
    expect(logprobs.top_logprobs[0]).toBeNull();
    logprobs.tokens.forEach((token, i) => {
      const offset = logprobs.text_offset[i] ?? -1;
      expect(choice.text?.slice(offset, offset + token.length)).toBe(token);
      const top = logprobs.top_logprobs[i];
      if (i > 0) expect(Object.keys(top ?? {})).toHaveLength(3);
    });
    expect(json.usage).toEqual({ prompt_tokens: 5, completion_tokens: 6, total_tokens: 11 });
  });

  it('serves n and best_of and several prompts, prompt-major', async () => {
    const { json } = await complete({
      prompt: ['First one', 'Second'],
      n: 2,
      best_of: 3,
      seed: 9,
      max_tokens: 4,
    });
    expect(json.choices.map((c) => c.index)).toEqual([0, 1, 2, 3]);
    expect(json.usage).toEqual({ prompt_tokens: 3, completion_tokens: 2 * 3 * 4, total_tokens: 27 });
  });

  it('answers content-logprobs and log-probs-key models in their shapes', async () => {
    const content = await complete({
      model: 'fake/content-logprobs-1',
      prompt: 'x',
      logprobs: 2,
      max_tokens: 3,
    });
    const entries = content.json.choices[0]?.logprobs?.content ?? [];
    expect(entries).toHaveLength(3);
    for (const entry of entries) {
      expect(new TextDecoder().decode(new Uint8Array(entry.bytes))).toBe(entry.token);
      expect(entry.top_logprobs).toHaveLength(2);
    }
    const old = await complete({ model: 'fake/log-probs-key', prompt: 'x', logprobs: 1, max_tokens: 2 });
    expect(old.json.choices[0]).not.toHaveProperty('logprobs');
    expect(old.json.choices[0]?.log_probs?.tokens).toHaveLength(2);
    const oldNone = await complete({ model: 'fake/log-probs-key', prompt: 'x', max_tokens: 2 });
    expect(Object.keys(oldNone.json.choices[0] ?? {})).toEqual(['index', 'finish_reason', 'text']);
  });
});

describe('validation', () => {
  it("answers Bifrost's 400s before routing", async () => {
    const cases: Array<[unknown, string | RegExp]> = [
      [{ model: 'openai/x' }, 'prompt is required for text completion'],
      [{ model: 'gpt-4', prompt: 'a' }, 'model should be in provider/model format'],
      [{ model: 'openai/x', prompt: 'a', stop: '\n' }, /^invalid request format/],
      ['not json', /^invalid request format/],
    ];
    for (const [body, message] of cases) {
      const response = await post(gateway.url, body);
      expect(response.status).toBe(400);
      const json = (await response.json()) as WireError;
      expect(json).toMatchObject({ is_bifrost_error: false, status_code: 400 });
      expect(json.error.message).toMatch(message);
      expect(response.headers.get('x-bifrost-request-id')).toBeTruthy();
    }
  });
});

describe('other routes and recording', () => {
  it('lists models with per-token pricing strings', async () => {
    const response = await fetch(`${gateway.url}/v1/models`);
    const json = (await response.json()) as { data: Array<{ id: string; pricing: { prompt: string } }> };
    const ids = json.data.map((m) => m.id);
    expect(ids).toEqual(
      expect.arrayContaining(['openai/gpt-3.5-turbo-instruct', 'openai/davinci-002', 'openai/babbage-002']),
    );
    expect(json.data.find((m) => m.id === 'openai/gpt-3.5-turbo-instruct')).toMatchObject({
      name: expect.any(String),
      context_length: expect.any(Number),
      max_output_tokens: expect.any(Number),
      pricing: { prompt: '0.0000015000', completion: '0.0000020000' },
    });
    const filtered = (await (await fetch(`${gateway.url}/v1/models?provider=azure`)).json()) as {
      data: Array<{ id: string }>;
    };
    expect(filtered.data.every((m) => m.id.startsWith('azure/'))).toBe(true);
    const openai = (await (await fetch(`${gateway.url}/openai/v1/models`)).json()) as { object: string };
    expect(openai.object).toBe('list');
    expect(await (await fetch(`${gateway.url}/health`)).json()).toEqual({ status: 'ok' });
  });

  it('answers 404 and 405 on unknown routes and methods', async () => {
    expect((await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${gateway.url}/v1/completions`)).status).toBe(405);
  });

  it('records method, path, lower-case headers and the raw body', async () => {
    const before = gateway.requests.length;
    const raw = '{"model":"openai/x",  "prompt":"exact bytes é"}';
    await (await post(gateway.url, raw, { 'X-Custom-Header': 'Value' }, '/openai/v1/completions?x=1')).text();
    const recorded = gateway.requests[before];
    expect(recorded).toMatchObject({ method: 'POST', path: '/openai/v1/completions?x=1', body: raw });
    expect(recorded?.headers['x-custom-header']).toBe('Value');
    expect(recorded?.headers['content-type']).toBe('application/json');
  });
});

describe('response counts', () => {
  it('counts responses started, closed and open, in process and at GET /__fake/open-requests', async () => {
    const own = await startFakeGateway();
    try {
      expect(own.responseCounts()).toEqual({ open: 0, started: 0, closed: 0 });
      await (await post(own.url, { model: 'openai/x', prompt: 'a', max_tokens: 1 })).text();
      await (await fetch(`${own.url}/v1/models`)).text();
      const held = new AbortController();
      const pending = post(own.url, { model: 'fail/no-first-byte', prompt: 'a' }, {}, undefined, held.signal);
      await eventually(() => own.openResponses() === 1);
      // The debug route is not counted (and not recorded).
      const recorded = own.requests.length;
      const debug = await fetch(`${own.url}/__fake/open-requests`);
      expect(await debug.json()).toEqual({ open: 1, started: 3, closed: 2 });
      expect(own.requests.length).toBe(recorded);
      held.abort();
      await expect(pending).rejects.toThrow();
      expect(await eventually(() => own.openResponses() === 0)).toBe(true);
      expect(own.responseCounts()).toEqual({ open: 0, started: 3, closed: 3 });
      expect((await fetch(`${own.url}/__fake/other`)).status).toBe(404);
    } finally {
      await own.close();
    }
  });
});

describe('required key', () => {
  it('refuses requests without the key (401) and accepts x-bf-vk or Bearer', async () => {
    const secured = await startFakeGateway({ requiredKey: 'sk-bf-secret' });
    try {
      const body = { model: 'openai/x', prompt: 'a', max_tokens: 1 };
      const missing = await post(secured.url, body);
      expect(missing.status).toBe(401);
      const missingText = await missing.text();
      expect(JSON.parse(missingText)).toMatchObject({
        status_code: 401,
        error: { type: 'virtual_key_required' },
      });
      const wrong = await post(secured.url, body, { 'x-bf-vk': 'sk-bf-wrong' });
      expect(wrong.status).toBe(401);
      expect(await wrong.text()).not.toContain('sk-bf');
      expect((await post(secured.url, body, { 'x-bf-vk': 'sk-bf-secret' })).status).toBe(200);
      expect((await post(secured.url, body, { authorization: 'Bearer sk-bf-secret' })).status).toBe(200);
      expect((await fetch(`${secured.url}/v1/models`)).status).toBe(401);
      expect(
        (await fetch(`${secured.url}/v1/models`, { headers: { 'x-bf-vk': 'sk-bf-secret' } })).status,
      ).toBe(200);
      expect((await fetch(`${secured.url}/health`)).status).toBe(200);
    } finally {
      await secured.close();
    }
  });
});
