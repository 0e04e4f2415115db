import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { completionParamsSchema, type CompletionParams } from '../contracts/params';
import { normalizeCompletion } from '../completions/normalize';
import { TokenStore } from './tokenStore';
import {
  buildScorePromptParams,
  offsetLength,
  promptsOf,
  promptTokenCount,
  scorePrompt,
} from './scorePrompt';

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/real-responses');

function choiceStores(name: string): Array<{ text: string; store: TokenStore }> {
  const json = JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as unknown;
  return normalizeCompletion(json).choices.map((choice) => {
    const store = new TokenStore({ echo: true });
    store.appendTokens(choice.tokens ?? []);
    return { text: choice.text, store };
  });
}

describe('buildScorePromptParams', () => {
  it('echoes with logprobs and generates nothing, keeping the sampling settings', () => {
    const form: CompletionParams = {
      model: 'openai/davinci-002',
      prompt: 'The quick brown fox',
      temperature: 0.7,
      logit_bias: { '50256': -100 },
      seed: 3,
      stop: ['\n'],
      stream: true,
      max_tokens: 64,
      fallbacks: ['openai/babbage-002'],
    };
    const { params, notes } = buildScorePromptParams(form);
    expect(params).toEqual({
      model: 'openai/davinci-002',
      prompt: 'The quick brown fox',
      temperature: 0.7,
      logit_bias: { '50256': -100 },
      seed: 3,
      stop: ['\n'],
      stream: false,
      max_tokens: 0,
      echo: true,
      logprobs: 1,
      fallbacks: ['openai/babbage-002'],
    });
    expect(notes).toEqual([]);
    expect(completionParamsSchema.safeParse(params).success).toBe(true);
  });

  it("keeps the form's logprobs and drops what cannot apply, saying so", () => {
    const { params, notes } = buildScorePromptParams({
      model: 'openai/gpt-3.5-turbo-instruct',
      prompt: ['a', 'b'],
      logprobs: 5,
      n: 3,
      best_of: 4,
      suffix: 'end',
      stream_options: { include_usage: true },
    });
    expect(params.logprobs).toBe(5);
    expect(['n', 'best_of', 'suffix', 'stream_options'].filter((key) => key in params)).toEqual([]);
    expect(notes).toHaveLength(4);
    expect(notes[0]).toContain('n (3)');
    expect(buildScorePromptParams({ model: 'm/x', prompt: 'p', logprobs: 0 }).params.logprobs).toBe(0);
  });

  it('lists the prompts', () => {
    expect(promptsOf({ prompt: 'x' })).toEqual(['x']);
    expect(promptsOf({ prompt: ['x', 'y'] })).toEqual(['x', 'y']);
  });
});

describe('scorePrompt', () => {
  it('scores each of 4 batched prompts (lmeval ada, echo + max_tokens 0)', () => {
    const choices = choiceStores('lmeval-openai-ada-echo-4prompts.json');
    const expected = [53.70067117284854, 36.41611760552113, 2752.465460203926, 722.0363038720711];
    expect(choices).toHaveLength(4);
    choices.forEach(({ text, store }, index) => {
      // With max_tokens 0 each choice's text is exactly its prompt.
      const score = scorePrompt(store, text);
      expect(score.promptTokens).toBe(6);
      expect(score.completionTokens).toBe(0);
      expect(score.stats.scoredTokens).toBe(5);
      expect(score.stats.skippedTokens).toBe(1);
      expect(score.stats.perplexity).toBeCloseTo(expected[index] ?? NaN, 6);
    });
  });

  it('separates the prompt from the generated token (llama-cpp-python, echo, top 10)', () => {
    const [choice] = choiceStores('lmeval-llama-cpp-python-echo-top10.json');
    const store = choice?.store ?? new TokenStore();
    expect(choice?.text).toBe('string(');
    // The prompt "string" is one token " string" (offset 0); "(" at offset 7 was generated.
    const score = scorePrompt(store, 'string');
    expect(score.promptTokens).toBe(1);
    expect(score.completionTokens).toBe(1);
    expect(score.stats).toMatchObject({
      scoredTokens: 0,
      skippedTokens: 1,
      perplexity: null,
      meanLogprob: null,
    });
  });

  it("skips Azure's 0 for the first token like OpenAI's null", () => {
    const prompt = 'Are bananas especially radioactive?';
    const [azure] = choiceStores('azsdk-net-azure-davinci002-echo-logprobs-bestof.json');
    const [openai] = choiceStores('azsdk-net-openai-davinci002-echo-logprobs-bestof.json');
    const azureScore = scorePrompt(azure?.store ?? new TokenStore(), prompt);
    const openaiScore = scorePrompt(openai?.store ?? new TokenStore(), prompt);
    expect([azureScore.promptTokens, azureScore.completionTokens]).toEqual([5, 48]);
    expect(azureScore.stats.scoredTokens).toBe(4);
    expect(azureScore.stats.perplexity).toBeCloseTo(2832.8707123928402, 6);
    expect(openaiScore.stats.perplexity).toBeCloseTo(2840.7253046207143, 6);
    // A store not told about echo keeps Azure's 0; scorePrompt still leaves the first token out.
    const plain = new TokenStore();
    for (let index = 0; index < 5; index++)
      plain.append(
        azure?.store.tokenAt(index) ?? '',
        index === 0 ? 0 : (azure?.store.logprobAt(index) ?? null),
        null,
      );
    expect(scorePrompt(plain, prompt).stats.perplexity).toBeCloseTo(2832.8707123928402, 6);
  });
});

describe('promptTokenCount', () => {
  it('counts text_offset in code points, as Python servers do', () => {
    expect(offsetLength('a🙂b')).toBe(3);
    expect(offsetLength('\ud83d')).toBe(1);
    const store = new TokenStore();
    store.append('a🙂', null, null, null, 0);
    store.append('b', -1, null, null, 2);
    store.append(' next', -1, null, null, 3);
    expect(promptTokenCount(store, 'a🙂b')).toBe(2);
  });

  it('falls back to the tokens’ text length without offsets', () => {
    const store = new TokenStore();
    for (const token of ['Hello', ',', ' world', '!']) store.append(token, -1, null);
    expect(promptTokenCount(store, 'Hello, world')).toBe(3);
    expect(promptTokenCount(store, 'Hello, world!')).toBe(4);
    expect(promptTokenCount(store, '')).toBe(0);
  });
});
