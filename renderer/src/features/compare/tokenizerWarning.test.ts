import { describe, expect, it } from 'vitest';
import { tokenizerWarning } from './tokenizerWarning';

describe('tokenizerWarning', () => {
  const bias = { logit_bias: { '50256': -100 } };
  it('warns when logit_bias is set and the tokenizers differ or are unknown', () => {
    expect(tokenizerWarning(bias, 'openai/gpt-3.5-turbo-instruct', 'openai/text-davinci-003')).toBe(
      'logit_bias is keyed by token ids, which may mean other tokens here: openai/text-davinci-003 uses p50k_base, openai/gpt-3.5-turbo-instruct uses cl100k_base.',
    );
    expect(tokenizerWarning(bias, 'openai/gpt-3.5-turbo-instruct', 'openai/davinci-002')).toBeNull();
    expect(tokenizerWarning(bias, 'openai/gpt-3.5-turbo-instruct', 'acme/llama')).toMatch(
      /acme\/llama's tokenizer is unknown/,
    );
  });

  it('is silent without logit_bias, for the primary itself, and for the same tokenizer', () => {
    expect(tokenizerWarning({}, 'openai/gpt-3.5-turbo-instruct', 'acme/llama')).toBeNull();
    expect(tokenizerWarning(bias, 'acme/llama', 'acme/llama')).toBeNull();
    expect(
      tokenizerWarning(bias, 'openai/gpt-3.5-turbo-instruct', 'azure/gpt-3.5-turbo-instruct'),
    ).toBeNull();
  });
});
