import { describe, expect, it } from 'vitest';
import {
  checkProviderParams,
  parseCompletionRequest,
  parseModelRef,
  type CompletionRequest,
} from './requestParser';

function parse(body: unknown): ReturnType<typeof parseCompletionRequest> {
  return parseCompletionRequest(JSON.stringify(body));
}

function parsed(body: unknown): CompletionRequest {
  const result = parse(body);
  if (!result.ok) throw new Error(result.message);
  return result.request;
}

describe('parseModelRef', () => {
  it('splits at the first slash', () => {
    expect(parseModelRef('vertex/meta/llama')).toEqual({
      provider: 'vertex',
      model: 'meta/llama',
      id: 'vertex/meta/llama',
    });
    expect(parseModelRef('gpt-4')).toBeNull();
    expect(parseModelRef('/m')).toBeNull();
    expect(parseModelRef('p/')).toBeNull();
  });
});

describe('parseCompletionRequest', () => {
  it('applies defaults and keeps what was sent', () => {
    const request = parsed({ model: 'openai/x', prompt: 'Hi' });
    expect(request).toMatchObject({
      prompts: ['Hi'],
      maxTokens: 16,
      n: 1,
      bestOf: undefined,
      stream: false,
      echo: false,
    });
    const full = parsed({
      model: 'openai/x',
      prompt: ['a', 'b'],
      max_tokens: 3,
      stop: ['\n'],
      logprobs: 2,
      seed: 5,
      suffix: 'end',
      fallbacks: ['anthropic/c', 'no-slash', 'p/'],
      unknown_field: 1,
    });
    expect(full).toMatchObject({
      prompts: ['a', 'b'],
      maxTokens: 3,
      stop: ['\n'],
      logprobs: 2,
      seed: 5,
      suffix: 'end',
    });
    expect(full.fallbacks.map((f) => f.id)).toEqual(['anthropic/c']);
  });

  it("answers with Bifrost's validation messages", () => {
    expect(parse({ model: 'openai/x' })).toEqual({
      ok: false,
      message: 'prompt is required for text completion',
    });
    expect(parse({ model: 'openai/x', prompt: [] })).toEqual({
      ok: false,
      message: 'prompt is required for text completion',
    });
    expect(parse({ model: 'gpt', prompt: 'a' })).toEqual({
      ok: false,
      message: 'model should be in provider/model format',
    });
    expect(parse({ prompt: 'a' })).toEqual({ ok: false, message: 'model is required' });
    const stop = parse({ model: 'openai/x', prompt: 'a', stop: '\n' });
    expect(stop.ok || stop.message).toMatch(/^invalid request format: .*stop of type \[\]string$/);
    const int = parse({ model: 'openai/x', prompt: 'a', max_tokens: 1.5 });
    expect(int.ok || int.message).toContain('cannot unmarshal number 1.5');
    const prompt = parse({ model: 'openai/x', prompt: [1, 2] });
    expect(prompt.ok || prompt.message).toBe('invalid request format: invalid text completion input');
    const json = parseCompletionRequest('{"model":');
    expect(json.ok || json.message).toMatch(/^invalid request format: /);
    expect(parse([1]).ok).toBe(false);
  });
});

describe('checkProviderParams', () => {
  const check = (body: Record<string, unknown>, context = 4096) =>
    checkProviderParams(parsed({ model: 'openai/x', prompt: 'one two three', ...body }), context);

  it('accepts sane parameters', () => {
    expect(check({ temperature: 2, top_p: 1, n: 3, best_of: 3, logprobs: 5 })).toBeNull();
    expect(check({ stream: true, n: 2 })).toBeNull();
  });

  it('refuses what an OpenAI-like provider refuses, naming the param', () => {
    expect(check({ temperature: 2.5 })?.error).toMatchObject({
      param: 'temperature',
      message: 'temperature must be between 0 and 2',
    });
    expect(check({ n: 0 })?.error.param).toBe('n');
    expect(check({ n: 3, best_of: 2 })?.error.param).toBe('best_of');
    expect(check({ stream: true, best_of: 2 })).toMatchObject({ status: 400, error: { param: 'best_of' } });
    expect(check({ max_tokens: -1 })?.error.param).toBe('max_tokens');
    expect(check({ max_tokens: 4094 })?.error).toMatchObject({
      code: 'context_length_exceeded',
      param: 'max_tokens',
    });
    expect(check({ max_tokens: 4093 })).toBeNull();
  });
});
