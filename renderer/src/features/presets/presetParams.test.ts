import { describe, expect, it } from 'vitest';
import { PRESETS_EXPORT_FORMAT } from '@shared/contracts/presets';
import { assembleParams } from '../params/assembleParams';
import { initialParamsForm, type ParamsForm } from '../params/formState';
import {
  describePresetParams,
  formWithPreset,
  presetParamsFromForm,
  presetsExportJson,
} from './presetParams';

const form = (patch: Partial<ParamsForm> = {}): ParamsForm => ({
  ...initialParamsForm,
  model: 'openai/gpt-3.5-turbo-instruct',
  prompt: 'Once upon a time',
  suffix: ' The end.',
  ...patch,
});
const numbers = (patch: Partial<ParamsForm['numbers']>) => ({ ...initialParamsForm.numbers, ...patch });

describe('presetParamsFromForm', () => {
  it('keeps every parameter and the model, never the prompt or suffix', () => {
    const result = presetParamsFromForm(
      form({ numbers: numbers({ temperature: '0.2', max_tokens: '64' }), stop: ['\n'], echo: true }),
    );
    expect(result).toEqual({
      ok: true,
      params: {
        model: 'openai/gpt-3.5-turbo-instruct',
        temperature: 0.2,
        max_tokens: 64,
        stop: ['\n'],
        echo: true,
        stream: true,
        stream_options: { include_usage: true },
      },
    });
  });

  it('saves without a model or a prompt (those are not parameters)', () => {
    const result = presetParamsFromForm(form({ model: '', prompt: '', numbers: numbers({ n: '2' }) }));
    expect(result).toEqual({
      ok: true,
      params: { n: 2, stream: true, stream_options: { include_usage: true } },
    });
  });

  it('refuses while a parameter has a problem, and says which', () => {
    expect(presetParamsFromForm(form({ numbers: numbers({ temperature: 'hot' }) }))).toEqual({
      ok: false,
      message: 'Fix the problem in the parameters first (temperature: Enter a number).',
    });
    const crossField = presetParamsFromForm(form({ numbers: numbers({ n: '3', best_of: '2' }) }));
    expect(crossField).toMatchObject({ ok: false, message: expect.stringContaining('best_of') });
  });
});

describe('formWithPreset', () => {
  it('sets every parameter as the preset has it and keeps the prompts', () => {
    const current = form({
      numbers: numbers({ temperature: '1.5', seed: '7' }),
      stop: ['x'],
      multiPrompt: true,
      prompts: ['a', 'b'],
    });
    const applied = formWithPreset(current, { temperature: 0.2, n: 2 });
    expect(applied.numbers).toMatchObject({ temperature: '0.2', n: '2', seed: '' });
    expect(applied).toMatchObject({
      stop: [],
      stream: false,
      model: current.model,
      prompts: ['a', 'b'],
      suffix: ' The end.',
    });
    expect(formWithPreset(current, { model: 'openai/davinci-002' }).model).toBe('openai/davinci-002');
  });

  it('gives back the saved parameters when assembled again', () => {
    const saved = presetParamsFromForm(
      form({ numbers: numbers({ top_p: '0.9', logprobs: '3' }), fallbacks: ['openai/davinci-002'] }),
    );
    if (!saved.ok) throw new Error(saved.message);
    const { params } = assembleParams(formWithPreset(form({ model: 'x/y' }), saved.params));
    expect(params).toEqual({ ...saved.params, prompt: 'Once upon a time', suffix: ' The end.' });
  });
});

describe('export and description', () => {
  it('writes the list in the export envelope', () => {
    const preset = { id: 'a', name: 'Focused', params: { temperature: 0 }, updatedAt: 1 };
    expect(JSON.parse(presetsExportJson([preset]))).toEqual({
      format: PRESETS_EXPORT_FORMAT,
      version: 1,
      presets: [preset],
    });
  });

  it('describes a preset in one line', () => {
    expect(
      describePresetParams({ model: 'p/m', temperature: 0.2, stop: ['a', 'b'], echo: true, stream: true }),
    ).toBe('p/m · temperature 0.2 · stop ×2 · echo · streamed');
    expect(describePresetParams({})).toBe('not streamed');
  });
});
