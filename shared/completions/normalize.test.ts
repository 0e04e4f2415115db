import { describe, expect, it } from 'vitest';
import { normalizeCompletion } from './normalize';

describe('normalizeCompletion', () => {
  it('reads a plain completion', () => {
    const result = normalizeCompletion({
      id: 'cmpl-1',
      object: 'text_completion',
      created: 1700000000,
      model: 'gpt-3.5-turbo-instruct',
      system_fingerprint: 'fp_1',
      choices: [{ text: ' hello', index: 0, logprobs: null, finish_reason: 'length' }],
      usage: { prompt_tokens: 4, completion_tokens: 5, total_tokens: 9 },
    });
    expect(result).toEqual({
      id: 'cmpl-1',
      model: 'gpt-3.5-turbo-instruct',
      created: 1700000000,
      systemFingerprint: 'fp_1',
      choices: [{ index: 0, text: ' hello', finishReason: 'length', tokens: null }],
      usage: { promptTokens: 4, completionTokens: 5, totalTokens: 9 },
    });
  });

  it('sorts choices by index stably (equal indexes keep their order)', () => {
    const result = normalizeCompletion({
      choices: [
        { index: 1, text: 'b1' },
        { index: 0, text: 'a' },
        { index: 1, text: 'b2' },
      ],
    });
    expect(result.choices.map((choice) => choice.text)).toEqual(['a', 'b1', 'b2']);
  });

  it('sorts choices by index and gives an index-less choice its position', () => {
    const result = normalizeCompletion({
      choices: [{ index: 2, text: 'c' }, { text: 'b' }, { index: 0, text: 'a' }],
    });
    expect(result.choices.map((choice) => [choice.index, choice.text])).toEqual([
      [0, 'a'],
      [1, 'b'],
      [2, 'c'],
    ]);
  });

  it("turns missing text into '' and TGI's '' finish_reason into null", () => {
    const result = normalizeCompletion({ choices: [{ index: 0, finish_reason: '' }] });
    expect(result.choices[0]).toEqual({ index: 0, text: '', finishReason: null, tokens: null });
  });

  it('leaves out empty id and fingerprint, and null usage', () => {
    const result = normalizeCompletion({ id: '', system_fingerprint: '', usage: null, choices: [] });
    expect(result).toEqual({ choices: [], usage: null });
  });

  it('accepts the include_usage final chunk (no choices, usage only)', () => {
    const result = normalizeCompletion({
      id: 'cmpl-2',
      choices: [],
      usage: { prompt_tokens: 14, completion_tokens: 16, total_tokens: 30 },
    });
    expect(result.choices).toEqual([]);
    expect(result.usage).toEqual({ promptTokens: 14, completionTokens: 16, totalTokens: 30 });
  });

  it('ignores fields of the wrong JSON type instead of crashing', () => {
    const result = normalizeCompletion({
      id: 42,
      model: ['x'],
      created: 'yesterday',
      system_fingerprint: {},
      extra_fields: 'nope',
      usage: { prompt_tokens: '4', completion_tokens: null, total_tokens: 9, cost: 'free' },
      choices: [
        'not a choice',
        null,
        { index: -1, text: 5, finish_reason: 7, logprobs: 'x' },
        { index: 1.5, text: 'ok', logprobs: { tokens: 'abc' } },
      ],
    });
    expect(result).toEqual({
      choices: [
        { index: 2, text: '', finishReason: null, tokens: null },
        { index: 3, text: 'ok', finishReason: null, tokens: null },
      ],
      usage: { totalTokens: 9 },
    });
  });

  it('reads the cost as a number or as an object with total_cost', () => {
    const cost = (value: unknown) =>
      normalizeCompletion({ choices: [], usage: { total_tokens: 1, cost: value } }).usage;
    expect(cost(0.0012)).toEqual({ totalTokens: 1, costUsd: 0.0012 });
    expect(cost({ input_cost: 0.001, output_cost: 0.002, total_cost: 0.003 })).toEqual({
      totalTokens: 1,
      costUsd: 0.003,
    });
    expect(cost({ input_tokens_cost: 0.001 })).toEqual({ totalTokens: 1, costUsd: 0.001 });
  });

  it('reads all three shapes Bifrost has used for usage.cost', () => {
    const cost = (value: unknown) =>
      normalizeCompletion({ choices: [], usage: { prompt_tokens: 5, cost: value } }).usage?.costUsd;
    // bare number
    expect(cost(0.000042)).toBe(0.000042);
    // nested (newest Bifrost)
    expect(
      cost({
        input_cost: 0.00001,
        input_cost_details: { text_cost: 0.00001 },
        output_cost: 0.00003,
        output_cost_details: { text_cost: 0.00003 },
        additional_cost: 0,
        total_cost: 0.00004,
      }),
    ).toBe(0.00004);
    // flat (spec, older Bifrost)
    expect(
      cost({
        input_tokens_cost: 0.00001,
        output_tokens_cost: 0.00002,
        reasoning_tokens_cost: 0,
        request_cost: 0.000005,
        total_cost: 0.000035,
      }),
    ).toBe(0.000035);
  });

  it('sums the parts of a cost object that has no total_cost, without mixing the shapes', () => {
    const cost = (value: unknown) =>
      normalizeCompletion({ choices: [], usage: { prompt_tokens: 5, cost: value } }).usage?.costUsd;
    expect(cost({ input_tokens_cost: 0.25, output_tokens_cost: 0.5, request_cost: 0.125 })).toBe(0.875);
    expect(cost({ input_cost: 0.25, output_cost: 0.5, additional_cost: 0.125 })).toBe(0.875);
    expect(cost({ input_tokens_cost: 0.25, input_cost: 0.5 })).toBe(0.25);
    expect(cost({ total_cost: 'free', input_cost: 0.5 })).toBe(0.5);
    expect(cost({ currency: 'USD' })).toBeUndefined();
    expect(cost('0.1')).toBeUndefined();
    expect(cost(Number.NaN)).toBeUndefined();
  });

  it('keeps extra_fields as received', () => {
    const extra = {
      provider: 'openai',
      routing_info: { provider: 'openai', model: 'gpt-3.5-turbo-instruct' },
      chunk_index: 3,
    };
    expect(normalizeCompletion({ choices: [], extra_fields: extra }).extraFields).toBe(extra);
  });

  it('cuts extra_fields nested thousands deep, so the run events can still be sent', () => {
    const depth = 20_000;
    const body = `{"choices":[],"extra_fields":{"provider":"openai","x":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}`;
    const extraFields = normalizeCompletion(JSON.parse(body)).extraFields;
    expect(extraFields?.provider).toBe('openai');
    expect(() => JSON.stringify(extraFields)).not.toThrow();
    expect(JSON.stringify(extraFields)).toContain('[nested too deeply]');
  });

  it('reads legacy logprobs: null first echo logprob, top as sorted pairs, offsets', () => {
    const result = normalizeCompletion({
      choices: [
        {
          index: 0,
          text: 'hello crisp',
          logprobs: {
            tokens: ['hello', ' crisp', 'bytes:\\xe2\\x80'],
            token_logprobs: [null, -12.2, -0.5],
            top_logprobs: [null, { ',': -2.15, ' world': -0.3, '!': -2.15 }, {}],
            text_offset: [0, 5, 11],
          },
        },
      ],
    });
    expect(result.choices[0]?.tokens).toEqual([
      { token: 'hello', logprob: null, top: null, bytes: null, offset: 0 },
      {
        token: ' crisp',
        logprob: -12.2,
        top: [
          [' world', -0.3],
          [',', -2.15],
          ['!', -2.15],
        ],
        bytes: null,
        offset: 5,
      },
      { token: 'bytes:\\xe2\\x80', logprob: -0.5, top: [], bytes: null, offset: 11 },
    ]);
  });

  it('tolerates legacy columns that are shorter than tokens', () => {
    const result = normalizeCompletion({
      choices: [{ index: 0, logprobs: { tokens: ['a', 'b'], token_logprobs: [-1] } }],
    });
    expect(result.choices[0]?.tokens).toEqual([
      { token: 'a', logprob: -1, top: null, bytes: null, offset: null },
      { token: 'b', logprob: null, top: null, bytes: null, offset: null },
    ]);
  });

  it('reads logprobs under log_probs (older Bifrost)', () => {
    const result = normalizeCompletion({
      choices: [
        {
          index: 0,
          text: 'x',
          log_probs: { tokens: ['x'], token_logprobs: [-0.1], top_logprobs: [{ x: -0.1 }] },
        },
      ],
    });
    expect(result.choices[0]?.tokens).toEqual([
      { token: 'x', logprob: -0.1, top: [['x', -0.1]], bytes: null, offset: null },
    ]);
  });

  it('reads the content[] logprobs shape with bytes', () => {
    const result = normalizeCompletion({
      choices: [
        {
          index: 0,
          text: ' café',
          logprobs: {
            content: [
              {
                token: ' caf',
                logprob: -0.2,
                bytes: [32, 99, 97, 102],
                top_logprobs: [
                  { token: ' the', logprob: -3, bytes: [32, 116, 104, 101] },
                  { token: ' caf', logprob: -0.2, bytes: [32, 99, 97, 102] },
                ],
              },
              { token: 'é', logprob: -0.01, bytes: [195, 169], top_logprobs: [] },
              { token: '?', logprob: null, bytes: null },
            ],
          },
        },
      ],
    });
    expect(result.choices[0]?.tokens).toEqual([
      {
        token: ' caf',
        logprob: -0.2,
        top: [
          [' caf', -0.2],
          [' the', -3],
        ],
        bytes: [32, 99, 97, 102],
        offset: null,
      },
      { token: 'é', logprob: -0.01, top: [], bytes: [195, 169], offset: null },
      { token: '?', logprob: null, top: null, bytes: null, offset: null },
    ]);
  });

  it('returns null tokens for a logprobs object with neither shape', () => {
    expect(
      normalizeCompletion({ choices: [{ index: 0, logprobs: { refusal: [] } }] }).choices[0]?.tokens,
    ).toBeNull();
  });

  it('throws, saying why, when the value is not a completion', () => {
    expect(() => normalizeCompletion('OK')).toThrow(
      'not a completion response: expected a JSON object, got a string',
    );
    expect(() => normalizeCompletion([{ choices: [] }])).toThrow('got an array');
    expect(() => normalizeCompletion(null)).toThrow('got null');
    expect(() => normalizeCompletion({ data: [] })).toThrow(
      'not a completion response: it has no "choices" field (fields: data)',
    );
    expect(() => normalizeCompletion({ choices: {} })).toThrow('"choices" is an object, not an array');
  });

  it('gives zero choices for an error body instead of throwing', () => {
    const result = normalizeCompletion({ error: { message: 'boom' }, extra_fields: { provider: 'openai' } });
    expect(result).toEqual({ choices: [], usage: null, extraFields: { provider: 'openai' } });
  });
});
