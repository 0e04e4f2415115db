import { describe, expect, it } from 'vitest';
import { modelSuggestions } from './suggestions';

const models = [
  { id: 'openai/gpt-3.5-turbo-instruct', name: 'GPT-3.5 Turbo Instruct' },
  { id: 'openai/davinci-002' },
  { id: 'openai/babbage-002', name: 'Babbage' },
];

describe('modelSuggestions', () => {
  it('lists every model for empty text or an exact id', () => {
    expect(modelSuggestions(models, '  ')).toBe(models);
    expect(modelSuggestions(models, 'openai/davinci-002')).toBe(models);
  });
  it('filters by id or name, ignoring case', () => {
    expect(modelSuggestions(models, 'BABB').map((m) => m.id)).toEqual(['openai/babbage-002']);
    expect(modelSuggestions(models, 'turbo').map((m) => m.id)).toEqual(['openai/gpt-3.5-turbo-instruct']);
    expect(modelSuggestions(models, '002').map((m) => m.id)).toEqual([
      'openai/davinci-002',
      'openai/babbage-002',
    ]);
    expect(modelSuggestions(models, 'nothing')).toEqual([]);
  });
});
