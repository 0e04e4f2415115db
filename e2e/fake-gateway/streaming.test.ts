import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGateway, type FakeGateway } from './server';
import { eventually, parseSse, post, readUntil, type WireCompletion, type WireError } from './testSupport';

let gateway: FakeGateway;
beforeAll(async () => {
  gateway = await startFakeGateway();
});
afterAll(() => gateway.close());

const model = 'openai/gpt-3.5-turbo-instruct';

async function stream(body: Record<string, unknown>, headers?: Record<string, string>) {
  const response = await post(gateway.url, { model, stream: true, ...body }, headers);
  const text = await response.text();
  return { response, text, sse: parseSse(text) };
}

function chunks(frames: Array<{ data: string }>): WireCompletion[] {
  return frames.filter((f) => f.data !== '[DONE]').map((f) => JSON.parse(f.data) as WireCompletion);
}

describe('streaming', () => {
  it('sends a heartbeat, one chunk per token per choice (interleaved), a final chunk and [DONE]', async () => {
    const { response, text, sse } = await stream({ prompt: 'Two words', n: 2, max_tokens: 5, seed: 11 });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('x-bifrost-request-type')).toBe('text_completion_stream');
    expect(text.startsWith(': heartbeat\n')).toBe(true);
    expect(sse.complete).toBe(true);
    expect(sse.frames.at(-1)?.data).toBe('[DONE]');
    expect(sse.frames.every((f) => f.event === undefined)).toBe(true);
    const all = chunks(sse.frames);
    const content = all.slice(0, -1);
    expect(content).toHaveLength(10);
    expect(content.map((c) => c.choices[0]?.index)).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    content.forEach((chunk, i) => {
      expect(chunk.choices).toHaveLength(1);
      expect(chunk.choices[0]?.finish_reason).toBeNull();
      expect(chunk.usage).toBeNull();
      expect(chunk.extra_fields).toMatchObject({
        request_type: 'text_completion_stream',
        provider: 'openai',
        original_model_requested: 'gpt-3.5-turbo-instruct',
        resolved_model_used: 'gpt-3.5-turbo-instruct',
        routing_info: { provider: 'openai', is_fallback: false },
        chunk_index: i,
      });
      expect(typeof chunk.extra_fields.latency).toBe('number');
    });
    const final = all.at(-1);
    expect(final?.choices).toEqual([
      { index: 0, finish_reason: 'length', logprobs: null },
      { index: 1, finish_reason: 'length', logprobs: null },
    ]);
    expect(final?.usage).toEqual({ prompt_tokens: 2, completion_tokens: 10, total_tokens: 12 });
    expect(final?.extra_fields.chunk_index).toBe(10);
    expect(new Set(all.map((c) => c.id)).size).toBe(1);
  });

  it('streams the same text as the non-streaming answer for the same seed, stop included', async () => {
    const body = { prompt: 'Same', seed: 77, max_tokens: 12, stop: ['.'], logprobs: 2 };
    const whole = (await (await post(gateway.url, { model, ...body })).json()) as WireCompletion;
    const { sse } = await stream(body);
    const all = chunks(sse.frames);
    const streamed = all
      .slice(0, -1)
      .map((c) => c.choices[0]?.text ?? '')
      .join('');
    expect(streamed).toBe(whole.choices[0]?.text);
    expect(all.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    expect(whole.choices[0]?.finish_reason).toBe('stop');
    const offsets = all.slice(0, -1).map((c) => c.choices[0]?.logprobs?.text_offset[0]);
    expect(offsets).toEqual(whole.choices[0]?.logprobs?.text_offset);
  });

  it('echoes the prompt in a first chunk per choice, with offsets continuing after it', async () => {
    const { sse } = await stream({ prompt: 'Echo me', echo: true, logprobs: 1, max_tokens: 2, seed: 1 });
    const content = chunks(sse.frames).slice(0, -1);
    expect(content[0]?.choices[0]?.text).toBe('Echo me');
    expect(content[0]?.choices[0]?.logprobs?.token_logprobs[0]).toBeNull();
    expect(content[1]?.choices[0]?.logprobs?.text_offset).toEqual(['Echo me'.length]);
  });

  it('paces tokens at tokensPerSecond (lower bound only) and honours the per-request header', async () => {
    gateway.setTokensPerSecond(200);
    try {
      let started = performance.now();
      await stream({ prompt: 'Slow', max_tokens: 20 });
      expect(performance.now() - started).toBeGreaterThanOrEqual(90);
      started = performance.now();
      await (await post(gateway.url, { model, prompt: 'Slow', max_tokens: 20 })).text();
      expect(performance.now() - started).toBeGreaterThanOrEqual(90);
      started = performance.now();
      await stream({ prompt: 'Slower', max_tokens: 6 }, { 'x-fake-tokens-per-second': '50' });
      expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    } finally {
      gateway.setTokensPerSecond(0);
    }
  });

  it('stops streaming when the client goes away', async () => {
    const controller = new AbortController();
    const response = await post(
      gateway.url,
      { model, stream: true, prompt: 'Long', max_tokens: 500 },
      { 'x-fake-tokens-per-second': '20' },
      undefined,
      controller.signal,
    );
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no body');
    await readUntil(reader, (text) => text.includes('"chunk_index":0'));
    expect(gateway.openResponses()).toBe(1);
    controller.abort();
    expect(await eventually(() => gateway.openResponses() === 0)).toBe(true);
  });
});

describe('stream failure modes', () => {
  it('midstream: 3 chunks, a Bifrost error frame, [DONE]', async () => {
    const { sse } = await stream({ model: 'fail/midstream', prompt: 'x' });
    expect(sse.frames.map((f) => f.data === '[DONE]')).toEqual([false, false, false, false, true]);
    const error = JSON.parse(sse.frames[3]?.data ?? '') as WireError;
    expect(error).toMatchObject({
      is_bifrost_error: false,
      status_code: 500,
      error: { message: 'upstream connection reset' },
    });
    expect(error.extra_fields).toMatchObject({ request_type: 'text_completion_stream' });
  });

  it('event-error: 3 chunks, an `event: error` frame, [DONE]', async () => {
    const { text, sse } = await stream({ prompt: 'x' }, { 'x-fake-fail': 'event-error' });
    expect(sse.frames).toHaveLength(5);
    expect(sse.frames[3]).toEqual({ event: 'error', data: '{"error":"stream interceptor failed"}' });
    expect(text).toContain('event: error\ndata: {"error":"stream interceptor failed"}\n\n');
    expect(sse.frames[4]?.data).toBe('[DONE]');
  });

  it('truncated: 3 chunks then [DONE] with no finish_reason anywhere', async () => {
    const { sse } = await stream({ model: 'fail/truncated', prompt: 'x', n: 2 });
    expect(sse.frames).toHaveLength(4);
    expect(chunks(sse.frames).every((c) => c.choices.every((choice) => choice.finish_reason === null))).toBe(
      true,
    );
  });

  it('drop: 3 chunks then the connection is cut', async () => {
    const response = await post(gateway.url, { model: 'fail/drop', prompt: 'x', stream: true });
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no body');
    const decoder = new TextDecoder();
    let text = '';
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          text += decoder.decode(value, { stream: true });
        }
      })(),
    ).rejects.toThrow();
    expect(parseSse(text).frames).toHaveLength(3);
  });

  it('stall and no-first-byte hold the connection until the client goes away', async () => {
    const stallAbort = new AbortController();
    const stall = await post(
      gateway.url,
      { model: 'fail/stall', prompt: 'x', stream: true },
      {},
      undefined,
      stallAbort.signal,
    );
    const reader = stall.body?.getReader();
    if (!reader) throw new Error('no body');
    const text = await readUntil(reader, (t) => parseSse(t).frames.length >= 3);
    expect(parseSse(text).frames).toHaveLength(3);

    const waitAbort = new AbortController();
    const waiting = post(
      gateway.url,
      { model: 'fail/no-first-byte', prompt: 'x', stream: true },
      {},
      undefined,
      waitAbort.signal,
    );
    const settled = await Promise.race([
      waiting.then(() => 'answered'),
      new Promise((r) => setTimeout(() => r('held'), 150)),
    ]);
    expect(settled).toBe('held');
    expect(gateway.openResponses()).toBe(2);
    stallAbort.abort();
    waitAbort.abort();
    await expect(waiting).rejects.toThrow();
    expect(await eventually(() => gateway.openResponses() === 0)).toBe(true);
  });

  it('close() ends open streams and held connections promptly', async () => {
    const own = await startFakeGateway({ tokensPerSecond: 5 });
    const held = post(own.url, { model: 'fail/no-first-byte', prompt: 'x', stream: true });
    const slow = await post(own.url, { model, prompt: 'x', stream: true, max_tokens: 100 });
    const slowBody = slow.text();
    expect(await eventually(() => own.openResponses() === 2)).toBe(true);
    const started = performance.now();
    await own.close();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(held).rejects.toThrow();
    await expect(slowBody).rejects.toThrow();
  });
});
