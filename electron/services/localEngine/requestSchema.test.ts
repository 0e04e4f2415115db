import { describe, expect, it } from 'vitest';
import { parseCompletionBody } from './requestSchema';
import { EngineInputError } from './types';

function errorOf(body: unknown): EngineInputError {
  try {
    parseCompletionBody(typeof body === 'string' ? body : JSON.stringify(body));
  } catch (error) {
    if (error instanceof EngineInputError) return error;
    throw error;
  }
  throw new Error('expected an EngineInputError');
}

describe('parseCompletionBody', () => {
  it('maps OpenAI fields to an engine request and ignores unknown fields', () => {
    const parsed = parseCompletionBody(
      JSON.stringify({
        model: 'local/stories',
        prompt: ['a', 'b'],
        max_tokens: 5,
        temperature: 0,
        top_p: 0.5,
        n: 2,
        stream: true,
        logprobs: 3,
        echo: true,
        stop: '\n',
        seed: 7,
        logit_bias: { '2': -100 },
        fallbacks: ['x/y'],
        presence_penalty: 0,
      }),
    );
    expect(parsed.stream).toBe(true);
    expect(parsed.model).toBe('local/stories');
    expect(parsed.request).toEqual({
      prompt: ['a', 'b'],
      maxTokens: 5,
      temperature: 0,
      topP: 0.5,
      n: 2,
      logprobs: 3,
      echo: true,
      stop: ['\n'],
      seed: 7,
      presencePenalty: 0,
      frequencyPenalty: undefined,
      logitBias: { 2: -100 },
    });
  });

  it('treats null as unset', () => {
    const { request, stream } = parseCompletionBody(
      '{"prompt":"x","max_tokens":null,"logprobs":null,"stop":null}',
    );
    expect(request.maxTokens).toBeUndefined();
    expect(request.logprobs).toBeNull();
    expect(request.stop).toEqual([]);
    expect(stream).toBe(false);
  });

  it('names the wrong field', () => {
    expect(errorOf({ prompt: 'x', temperature: 3 })).toMatchObject({ param: 'temperature' });
    expect(errorOf({ prompt: 'x', temperature: 3 }).message).toMatch(/temperature/);
    expect(errorOf({ prompt: 'x', max_tokens: 1.5 }).param).toBe('max_tokens');
    expect(errorOf({ prompt: 'x', logit_bias: { abc: 1 } }).param).toBe('logit_bias');
    expect(errorOf({ prompt: 'x', best_of: 3 }).message).toMatch(/best_of > 1 is not supported/);
    expect(errorOf({ prompt: 'x', frequency_penalty: 2.5 }).param).toBe('frequency_penalty');
    expect(errorOf({ prompt: 'x', suffix: 'end' }).message).toMatch(/suffix is not supported/);
    expect(errorOf({ max_tokens: 3 })).toMatchObject({ param: 'prompt', message: 'prompt is required' });
  });

  it('refuses a body that is not a JSON object', () => {
    expect(errorOf('{nope').message).toMatch(/not valid JSON/);
    expect(errorOf([1]).param).toBeNull();
  });
});
