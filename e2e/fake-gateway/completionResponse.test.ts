import { describe, expect, it } from 'vitest';
import { planChoices } from './choices';
import {
  choiceObject,
  completionBody,
  finalChunk,
  logprobsObject,
  responseFormatFor,
  usageObject,
  streamChunk,
  streamChunkSerializer,
  type ResponseFormat,
} from './completionResponse';
import type { TokenDetail } from './textGenerator';

const legacy: ResponseFormat = { shape: 'legacy', key: 'logprobs' };
const identity = { id: 'cmpl-1', created: 1700000000, model: 'gpt-x' };
const tokens: TokenDetail[] = [
  { token: 'Hi', logprob: null, top: null, offset: 0 },
  {
    token: ' café',
    logprob: -0.5,
    top: [
      [' café', -0.5],
      [' tea', -1.5],
    ],
    offset: 2,
  },
];

describe('responseFormatFor', () => {
  it('picks the shape and key from the served model name', () => {
    const ref = (id: string) => ({ id, provider: id.split('/')[0] ?? '', model: id.split('/')[1] ?? '' });
    expect(responseFormatFor(ref('openai/gpt'))).toEqual({ shape: 'legacy', key: 'logprobs' });
    expect(responseFormatFor(ref('x/content-logprobs-1'))).toEqual({ shape: 'content', key: 'logprobs' });
    expect(responseFormatFor(ref('x/log-probs-key'))).toEqual({ shape: 'legacy', key: 'log_probs' });
    expect(responseFormatFor(ref('x/usage-cost-nested'))).toEqual({
      shape: 'legacy',
      key: 'logprobs',
      cost: 'nested',
    });
  });
});

describe('usageObject', () => {
  it('reports a provider cost in each of the three shapes Bifrost has used, only when asked', () => {
    expect(usageObject(10, 20)).toEqual({ prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 });
    const total = 10 * 1e-6 + 20 * 3e-6;
    expect(usageObject(10, 20, 'number').cost).toBeCloseTo(total, 15);
    const flat = usageObject(10, 20, 'flat').cost as Record<string, number>;
    expect(Object.keys(flat)).toEqual([
      'input_tokens_cost',
      'output_tokens_cost',
      'request_cost',
      'total_cost',
    ]);
    expect(flat.total_cost).toBeCloseTo(total, 15);
    const nested = usageObject(10, 20, 'nested').cost as Record<string, unknown>;
    expect(nested.input_cost).toBeCloseTo(1e-5, 15);
    expect(nested.output_cost).toBeCloseTo(6e-5, 15);
    expect(nested.total_cost).toBeCloseTo(total, 15);
  });
});

describe('logprobsObject', () => {
  it('builds the legacy column shape with top-k dicts in likelihood order', () => {
    const object = logprobsObject(legacy, tokens);
    expect(object).toEqual({
      tokens: ['Hi', ' café'],
      token_logprobs: [null, -0.5],
      top_logprobs: [null, { ' café': -0.5, ' tea': -1.5 }],
      text_offset: [0, 2],
    });
    expect(JSON.stringify(object)).toContain('{" café":-0.5," tea":-1.5}');
  });

  it('builds the content[] shape with UTF-8 bytes', () => {
    const object = logprobsObject({ shape: 'content', key: 'logprobs' }, tokens);
    expect(object).toEqual({
      content: [
        { token: 'Hi', logprob: null, bytes: [72, 105], top_logprobs: [] },
        {
          token: ' café',
          logprob: -0.5,
          bytes: [32, 99, 97, 102, 195, 169],
          top_logprobs: [
            { token: ' café', logprob: -0.5, bytes: [32, 99, 97, 102, 195, 169] },
            { token: ' tea', logprob: -1.5, bytes: [32, 116, 101, 97] },
          ],
        },
      ],
    });
  });
});

describe('choiceObject', () => {
  it('always has logprobs (null) under the current key, and omits log_probs when null', () => {
    const current = choiceObject(legacy, { index: 0, text: 'x', finishReason: 'stop', logprobs: null });
    expect(Object.keys(current)).toEqual(['index', 'finish_reason', 'logprobs', 'text']);
    const old = choiceObject(
      { shape: 'legacy', key: 'log_probs' },
      { index: 0, text: 'x', finishReason: null, logprobs: null },
    );
    expect(Object.keys(old)).toEqual(['index', 'finish_reason', 'text']);
    const oldWith = choiceObject(
      { shape: 'legacy', key: 'log_probs' },
      { index: 0, finishReason: null, logprobs: {} },
    );
    expect(oldWith).toEqual({ index: 0, finish_reason: null, log_probs: {} });
  });
});

describe('bodies', () => {
  const plan = planChoices(
    {
      prompts: ['Hello there'],
      n: 2,
      bestOf: 2,
      maxTokens: 4,
      stop: [],
      echo: true,
      seed: 3,
      temperature: undefined,
      logprobs: 2,
    },
    'openai/gpt-x',
    1,
  );

  it('non-streaming: every choice, echoed tokens in the logprobs, usage and extra_fields', () => {
    const body = completionBody(identity, legacy, plan, true, { request_type: 'text_completion' });
    expect(body).toMatchObject({
      id: 'cmpl-1',
      object: 'text_completion',
      model: 'gpt-x',
      system_fingerprint: '',
      usage: { prompt_tokens: 2, completion_tokens: 8, total_tokens: 10 },
      extra_fields: { request_type: 'text_completion' },
    });
    const choices = body.choices as Array<{ text: string; logprobs: { tokens: string[] } }>;
    expect(choices).toHaveLength(2);
    for (const choice of choices) expect(choice.logprobs.tokens.join('')).toBe(choice.text);
  });

  it('stream chunk: one choice delta with null finish_reason and usage; final chunk: no text', () => {
    const chunk = streamChunk(identity, legacy, { index: 1, text: ' a', tokens: null }, { chunk_index: 0 });
    expect(chunk).toMatchObject({
      choices: [{ index: 1, finish_reason: null, logprobs: null, text: ' a' }],
      usage: null,
      extra_fields: { chunk_index: 0 },
    });
    const last = finalChunk(identity, legacy, plan, {});
    expect(last.choices).toEqual([
      { index: 0, finish_reason: 'length', logprobs: null },
      { index: 1, finish_reason: 'length', logprobs: null },
    ]);
    expect(last.usage).toEqual({ prompt_tokens: 2, completion_tokens: 8, total_tokens: 10 });
  });
});

describe('streamChunkSerializer', () => {
  it('writes the same bytes as JSON.stringify(streamChunk(...)), in every format', () => {
    const formats: ResponseFormat[] = [
      legacy,
      { shape: 'content', key: 'logprobs' },
      { shape: 'legacy', key: 'log_probs' },
    ];
    const extras: Record<string, unknown>[] = [{}, { provider: 'openai', model_requested: 'gpt-x' }];
    for (const format of formats)
      for (const fixed of extras)
        for (const delta of [
          { index: 0, text: 'Hi café', tokens },
          { index: 2, text: ' "x"\n', tokens: null },
        ]) {
          const serialize = streamChunkSerializer({ ...identity, systemFingerprint: 'fp' }, format, fixed);
          expect(serialize(delta, 7, 12)).toBe(
            JSON.stringify(
              streamChunk({ ...identity, systemFingerprint: 'fp' }, format, delta, {
                ...fixed,
                chunk_index: 7,
                latency: 12,
              }),
            ),
          );
        }
  });
});
