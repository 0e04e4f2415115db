import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { planChoices } from './choices';
import { writeStream, type StreamOptions } from './streamWriter';
import { parseSse } from './testSupport';

/** Just enough of a ServerResponse to capture what the writer sends. */
class CapturedResponse extends EventEmitter {
  text = '';
  status = 0;
  ended = false;
  destroyed = false;
  writeHead(status: number): this {
    this.status = status;
    return this;
  }
  write(chunk: string, callback?: () => void): boolean {
    this.text += chunk;
    callback?.();
    return true;
  }
  end(): this {
    this.ended = true;
    return this;
  }
  destroy(): this {
    this.destroyed = true;
    return this;
  }
}

const plan = planChoices(
  {
    prompts: ['p'],
    n: 1,
    bestOf: 1,
    maxTokens: 10,
    stop: [],
    echo: false,
    seed: 1,
    temperature: undefined,
    logprobs: undefined,
  },
  'openai/m',
  1,
);

function options(
  res: CapturedResponse,
  signal: AbortSignal,
  overrides: Partial<StreamOptions> = {},
): StreamOptions {
  return {
    res: res as unknown as ServerResponse,
    signal,
    headers: {},
    identity: { id: 'cmpl-x', created: 1, model: 'm' },
    format: { shape: 'legacy', key: 'logprobs' },
    plan,
    wantLogprobs: false,
    extraFields: {},
    mode: undefined,
    tokensPerSecond: () => 0,
    startedAt: performance.now(),
    ...overrides,
  };
}

function activeTimeouts(): number {
  return process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
}

describe('writeStream', () => {
  it('writes heartbeat, every token, the final chunk and [DONE], then ends', async () => {
    const res = new CapturedResponse();
    await writeStream(options(res, new AbortController().signal));
    const sse = parseSse(res.text);
    expect(sse.comments).toEqual(['heartbeat']);
    expect(sse.frames).toHaveLength(12);
    expect(res.ended).toBe(true);
  });

  it('on abort stops at once, writes nothing more and leaves no timer behind', async () => {
    const baseline = activeTimeouts();
    const res = new CapturedResponse();
    const controller = new AbortController();
    const writing = writeStream(options(res, controller.signal, { tokensPerSecond: () => 2 }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(activeTimeouts()).toBeGreaterThan(baseline);
    const written = res.text;
    const started = performance.now();
    controller.abort();
    await expect(writing).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(100);
    expect(activeTimeouts()).toBe(baseline);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(res.text).toBe(written);
    expect(res.ended).toBe(false);
  });

  it('applies a speed change to an open stream', async () => {
    let tps = 10;
    const res = new CapturedResponse();
    const started = performance.now();
    const writing = writeStream(options(res, new AbortController().signal, { tokensPerSecond: () => tps }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    tps = 0;
    await writing;
    // At 10 tokens/s the 10 tokens would take 1 s; only the wait already scheduled (100 ms) remains.
    expect(performance.now() - started).toBeLessThan(500);
    expect(parseSse(res.text).frames).toHaveLength(12);
  });
});
