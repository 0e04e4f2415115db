import { describe, expect, it } from 'vitest';
import { assembleParams } from './assembleParams';
import { initialParamsForm, restoreParamsForm, type ParamsForm } from './formState';

const form = (patch: Partial<ParamsForm> = {}): ParamsForm => ({
  ...initialParamsForm,
  model: 'openai/gpt-3.5-turbo-instruct',
  prompt: 'Once upon a time',
  ...patch,
});

describe('assembleParams', () => {
  it('sends only what is set (stream on by default, with usage)', () => {
    expect(assembleParams(form())).toEqual({
      params: {
        model: 'openai/gpt-3.5-turbo-instruct',
        prompt: 'Once upon a time',
        stream: true,
        stream_options: { include_usage: true },
      },
      issues: [],
    });
  });

  it('leaves stream and stream_options out when streaming is off', () => {
    const { params } = assembleParams(form({ stream: false, includeUsage: true }));
    expect(params).not.toHaveProperty('stream');
    expect(params).not.toHaveProperty('stream_options');
    expect(assembleParams(form({ includeUsage: false })).params).not.toHaveProperty('stream_options');
  });

  it('parses number fields and reports text that is not a number', () => {
    const { params, issues } = assembleParams(
      form({ numbers: { ...initialParamsForm.numbers, temperature: '0.7', max_tokens: '64', seed: 'x' } }),
    );
    expect(params).toMatchObject({ temperature: 0.7, max_tokens: 64 });
    expect(params).not.toHaveProperty('seed');
    expect(params).not.toHaveProperty('top_p');
    expect(issues).toEqual([{ field: 'seed', message: 'Enter a number' }]);
  });

  it('passes out-of-range numbers through for validateParams to judge', () => {
    const { params, issues } = assembleParams(
      form({ numbers: { ...initialParamsForm.numbers, temperature: '3' } }),
    );
    expect(params.temperature).toBe(3);
    expect(issues).toEqual([]);
  });

  it('sends several prompts as an array, and the other optional fields as typed', () => {
    const { params } = assembleParams(
      form({
        multiPrompt: true,
        prompts: ['A', 'B'],
        suffix: ' end',
        stop: ['\n'],
        echo: true,
        user: 'u-1',
        fallbacks: ['anthropic/claude-instant-1'],
      }),
    );
    expect(params).toMatchObject({
      prompt: ['A', 'B'],
      suffix: ' end',
      stop: ['\n'],
      echo: true,
      user: 'u-1',
      fallbacks: ['anthropic/claude-instant-1'],
    });
  });

  it('takes logit bias from rows or JSON, and reports broken JSON', () => {
    const rows = assembleParams(form({ logitBiasRows: [{ id: 'a', token: '50256', bias: '-100' }] }));
    expect(rows.params.logit_bias).toEqual({ '50256': -100 });
    const json = assembleParams(form({ logitBiasMode: 'json', logitBiasJson: '{"11": 5}' }));
    expect(json.params.logit_bias).toEqual({ '11': 5 });
    const broken = assembleParams(form({ logitBiasMode: 'json', logitBiasJson: '{"11": ' }));
    expect(broken.params).not.toHaveProperty('logit_bias');
    expect(broken.issues[0]?.field).toBe('logit_bias');
    expect(assembleParams(form({ logitBiasMode: 'json', logitBiasJson: '{}' })).params).not.toHaveProperty(
      'logit_bias',
    );
  });
});

describe('restoreParamsForm', () => {
  it('fills missing or broken fields with defaults and keeps the rest', () => {
    const restored = restoreParamsForm({
      model: 'a/b',
      stream: 'yes',
      numbers: { temperature: '0.5', n: 3 },
      stop: 'x',
    });
    expect(restored.model).toBe('a/b');
    expect(restored.stream).toBe(true);
    expect(restored.numbers.temperature).toBe('0.5');
    expect(restored.numbers.n).toBe('');
    expect(restored.stop).toEqual([]);
    expect(restoreParamsForm(null)).toEqual(initialParamsForm);
    expect(restoreParamsForm('garbage')).toEqual(initialParamsForm);
  });
});
