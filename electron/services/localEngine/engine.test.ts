import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from './engine';
import {
  EngineInputError,
  type EngineEvent,
  type EngineRequest,
  type LocalEngine,
  type TokenEvent,
} from './types';
import { TEST_MODEL, testModelMissing } from './testing/testModel';

const MODEL = TEST_MODEL;
const missing = testModelMissing('the local engine tests');

/** stories260K: EOS token id and the greedy first token after "Once upon a time" (","). */
const EOS = 2;
const COMMA = 432;

interface Run {
  events: EngineEvent[];
  tokens: TokenEvent[];
  text: (choice?: number) => string;
  finish: (choice?: number) => string | undefined;
  completionTokens: number;
}

describe.skipIf(missing)('createLocalEngine (stories260K)', () => {
  let engine: LocalEngine;

  beforeAll(async () => {
    engine = await createLocalEngine({ modelPath: MODEL, threads: 1 });
  }, 30_000);
  afterAll(async () => {
    await engine?.dispose();
  });

  async function run(request: EngineRequest): Promise<Run> {
    const events: EngineEvent[] = [];
    for await (const event of engine.complete(request)) events.push(event);
    const tokens = events.filter((event): event is TokenEvent => event.type === 'token');
    const done = events.at(-1);
    return {
      events,
      tokens,
      text: (choice = 0) =>
        tokens
          .filter((token) => token.choice === choice)
          .map((token) => token.text)
          .join(''),
      finish: (choice = 0) => {
        const finish = events.find((event) => event.type === 'finish' && event.choice === choice);
        return finish?.type === 'finish' ? finish.finishReason : undefined;
      },
      completionTokens: done?.type === 'done' ? done.usage.completionTokens : -1,
    };
  }

  it('names the model after its file', () => {
    expect(engine.modelId).toBe('stories260K');
  });

  it('repeats tokens and logprobs for a fixed seed, and differs for another seed', async () => {
    const request = { prompt: 'Once upon a time', temperature: 0.9, seed: 42, logprobs: 3, maxTokens: 24 };
    const first = await run(request);
    const again = await run(request);
    const other = await run({ ...request, seed: 43 });
    const shape = (r: Run) => r.tokens.map((token) => [token.tokenId, token.logprob, token.top]);
    expect(first.tokens).toHaveLength(24);
    expect(shape(again)).toEqual(shape(first));
    expect(other.tokens.map((token) => token.tokenId)).not.toEqual(
      first.tokens.map((token) => token.tokenId),
    );
    // Raw logprobs: the sampled token is not forced to logprob 0 as a truncated sampler would report.
    expect(first.tokens.some((token) => (token.logprob ?? 0) < -0.01)).toBe(true);
  });

  it('at temperature 0 the top alternative is the chosen token, with the same logprob', async () => {
    const { tokens, text } = await run({
      prompt: 'Once upon a time',
      temperature: 0,
      logprobs: 5,
      maxTokens: 20,
    });
    expect(text()).toMatch(/^, there was a little girl/);
    for (const token of tokens) {
      expect(token.top).toHaveLength(5);
      expect(token.top?.[0]).toEqual([token.token, token.logprob]);
      expect(token.logprob).toBeLessThanOrEqual(0);
    }
  });

  it('echoes the prompt: one logprob per prompt token (the first null), pieces spelling the prompt', async () => {
    const prompt = 'Once upon a time, there was a dog.';
    const { tokens, finish, completionTokens } = await run({ prompt, echo: true, logprobs: 2, maxTokens: 0 });
    expect(tokens.every((token) => token.source === 'prompt')).toBe(true);
    expect(tokens.map((token) => token.text).join('')).toBe(prompt);
    expect(tokens[0]?.logprob).toBeNull();
    expect(tokens[0]?.top).toBeNull();
    expect(
      tokens.slice(1).every((token) => typeof token.logprob === 'number' && token.top?.length === 2),
    ).toBe(true);
    expect(tokens.map((token) => token.offset)).toEqual(
      tokens.map((_, at) => tokens.slice(0, at).reduce((sum, token) => sum + token.text.length, 0)),
    );
    expect(finish()).toBe('length');
    expect(completionTokens).toBe(0);
  });

  it('keeps non-ASCII text intact: a multi-byte character split over byte tokens is never U+FFFD', async () => {
    const prompt = 'The café had a 🙂 and über naïve 😀.';
    const { tokens, text } = await run({ prompt, echo: true, maxTokens: 30, temperature: 0.9, seed: 5 });
    expect(text()).not.toContain('\uFFFD');
    expect(text().startsWith(prompt)).toBe(true);
    // 🙂 is four byte tokens: three hold back (no text, OpenAI's bytes: spelling), the last carries it.
    const smile = tokens.findIndex((token) => token.text === '🙂');
    expect(tokens.slice(smile - 3, smile).map((token) => [token.text, token.token])).toEqual([
      ['', 'bytes:\\xf0'],
      ['', 'bytes:\\x9f'],
      ['', 'bytes:\\x99'],
    ]);
    expect(tokens.slice(smile - 3, smile + 1).flatMap((token) => token.bytes)).toEqual([
      ...new TextEncoder().encode('🙂'),
    ]);
  });

  it('stops at a stop sequence (finish_reason stop) and at max_tokens (finish_reason length)', async () => {
    const stopped = await run({
      prompt: 'Once upon a time',
      temperature: 0,
      maxTokens: 40,
      stop: [' named'],
    });
    expect(stopped.text()).toBe(', there was a little girl');
    expect(stopped.finish()).toBe('stop');
    const capped = await run({ prompt: 'Once upon a time', temperature: 0, maxTokens: 5 });
    expect(capped.tokens).toHaveLength(5);
    expect(capped.completionTokens).toBe(5);
    expect(capped.finish()).toBe('length');
  });

  it('ends with finish_reason stop at the end-of-sequence token', async () => {
    const ended = await run({ prompt: 'Once', temperature: 0, maxTokens: 10, logitBias: { [EOS]: 100 } });
    expect(ended.tokens).toHaveLength(0);
    expect(ended.finish()).toBe('stop');
  });

  it('applies logit_bias before sampling and reports the biased distribution', async () => {
    const { tokens } = await run({
      prompt: 'Once upon a time',
      temperature: 0,
      logprobs: 2,
      maxTokens: 1,
      logitBias: { [COMMA]: -100 },
    });
    expect(tokens[0]?.tokenId).not.toBe(COMMA);
    expect(tokens[0]?.top?.[0]?.[1]).toBe(tokens[0]?.logprob);
    // With "," (p ≈ 0.97) gone, the runner-up's share of what is left is large.
    expect(tokens[0]?.logprob).toBeGreaterThan(-0.5);
  });

  it('applies frequency and presence penalties to tokens already generated', async () => {
    const request = { prompt: 'Once upon a time', temperature: 0, maxTokens: 60, logitBias: { [EOS]: -100 } };
    const plain = await run(request);
    const penalised = await run({ ...request, frequencyPenalty: 2, presencePenalty: 2 });
    const distinct = (r: Run) => new Set(r.tokens.map((token) => token.tokenId)).size;
    expect(penalised.text()).not.toBe(plain.text());
    expect(distinct(penalised)).toBeGreaterThan(distinct(plain));
  });

  it('gives n choices per prompt, prompt-major', async () => {
    const result = await run({
      prompt: ['Once upon a time', 'The dog'],
      n: 2,
      temperature: 1,
      seed: 9,
      maxTokens: 8,
    });
    expect(new Set(result.tokens.map((token) => token.choice))).toEqual(new Set([0, 1, 2, 3]));
    expect(result.text(0)).not.toBe(result.text(1));
    expect(result.tokens.find((token) => token.choice === 2)?.offset).toBe('The dog'.length);
    expect([0, 1, 2, 3].map((choice) => result.finish(choice))).toEqual([
      'length',
      'length',
      'length',
      'length',
    ]);
    expect(result.completionTokens).toBe(32);
  });

  it('aborts within 200 ms and serves the next request normally', async () => {
    const controller = new AbortController();
    const events = engine.complete(
      { prompt: 'Once upon a time', temperature: 0, maxTokens: 5000, logitBias: { [EOS]: -100 } },
      controller.signal,
    );
    for (let seen = 0; seen < 5; seen++) await events.next();
    const reason = new Error('user pressed Stop');
    const started = performance.now();
    controller.abort(reason);
    await expect(
      (async () => {
        for await (const _ of { [Symbol.asyncIterator]: () => events }) {
          // drain until the engine notices
        }
      })(),
    ).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(200);
    const after = await run({ prompt: 'Once upon a time', temperature: 0, maxTokens: 5 });
    expect(after.text()).toBe(', there was a little');
  });

  it('serves concurrent requests one after another with the same results', async () => {
    const request = { prompt: 'Once upon a time', temperature: 0, maxTokens: 6, logprobs: 1 };
    const [a, b] = await Promise.all([run(request), run(request)]);
    expect(b.tokens).toEqual(a.tokens);
  });

  it('refuses a prompt longer than the context, naming the field', async () => {
    const prompt = 'Once upon a time, there was a dog. '.repeat(400);
    await expect(run({ prompt })).rejects.toMatchObject({ name: 'EngineInputError', param: 'prompt' });
    await expect(run({ prompt: 'x', logitBias: { 99999: 1 } })).rejects.toBeInstanceOf(EngineInputError);
  });
});
