import { describe, expect, it } from 'vitest';
import type { CompletionParams } from '@shared/contracts/params';
import { assembleParams } from './assembleParams';
import { formFromParams, parameterFieldsFromParams } from './formFromParams';
import { initialParamsForm } from './formState';

describe('formFromParams', () => {
  it('gives back the same params when the form is assembled (every field set)', () => {
    const params: CompletionParams = {
      model: 'openai/gpt-3.5-turbo-instruct',
      prompt: 'Say "hi"\n',
      suffix: ' end',
      max_tokens: 64,
      temperature: 0.3,
      top_p: 0.9,
      frequency_penalty: -0.5,
      presence_penalty: 1.25,
      n: 2,
      best_of: 3,
      logprobs: 5,
      seed: 42,
      stop: ['\n\n', 'END'],
      echo: true,
      user: 'me',
      logit_bias: { '50256': -100, '13': 2.5 },
      stream: true,
      stream_options: { include_usage: true },
      fallbacks: ['openai/davinci-002'],
    };
    const form = formFromParams(params);
    expect(assembleParams(form)).toEqual({ params, issues: [] });
    expect(form.logitBiasRows.map(({ token, bias }) => [token, bias])).toEqual([
      ['13', '2.5'],
      ['50256', '-100'],
    ]);
    expect(JSON.parse(form.logitBiasJson)).toEqual(params.logit_bias);
  });

  it('restores several prompts, and leaves unset fields unset', () => {
    const params: CompletionParams = { model: 'p/m', prompt: ['one', 'two'] };
    const form = formFromParams(params);
    expect(form).toMatchObject({ multiPrompt: true, prompts: ['one', 'two'], prompt: 'one', stream: false });
    expect(form.numbers).toEqual(initialParamsForm.numbers);
    expect(assembleParams(form)).toEqual({ params, issues: [] });
  });

  it('keeps streaming without usage as it was sent', () => {
    const form = formFromParams({ model: 'p/m', prompt: 'x', stream: true });
    expect(form).toMatchObject({ stream: true, includeUsage: false });
    expect(assembleParams(form).params).toEqual({ model: 'p/m', prompt: 'x', stream: true });
  });
});

describe('parameterFieldsFromParams', () => {
  it('clears what the params leave unset and never touches prompts or model', () => {
    const fields = parameterFieldsFromParams({ temperature: 0.1 + 0.2 });
    expect(fields.numbers.temperature).toBe('0.3');
    expect(fields.numbers.max_tokens).toBe('');
    expect(fields).toMatchObject({ stop: [], echo: false, fallbacks: [], logitBiasRows: [] });
    expect(fields).not.toHaveProperty('prompt');
    expect(fields).not.toHaveProperty('model');
  });
});
