import { describe, expect, it } from 'vitest';
import { encodingFor, estimateTokens } from './tokenEncoding';

describe('encodingFor', () => {
  it('knows the encodings of OpenAI completion models, with or without a provider prefix', () => {
    expect(encodingFor('openai/gpt-3.5-turbo-instruct')).toBe('cl100k_base');
    expect(encodingFor('gpt-3.5-turbo-instruct-0914')).toBe('cl100k_base');
    expect(encodingFor('azure/davinci-002')).toBe('cl100k_base');
    expect(encodingFor('babbage-002')).toBe('cl100k_base');
    expect(encodingFor('openai/text-davinci-003')).toBe('p50k_base');
    expect(encodingFor('text-curie-001')).toBe('r50k_base');
  });

  it('is null for other models', () => {
    expect(encodingFor('ollama/llama3.2:1b')).toBeNull();
    expect(encodingFor('fireworks/accounts/fireworks/models/llama-v3p1-8b-instruct')).toBeNull();
    expect(encodingFor('')).toBeNull();
  });
});

describe('estimateTokens', () => {
  it('counts about four characters per token, rounding up', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('abc')).toBe(1);
    expect(estimateTokens('abcdefghi')).toBe(3);
  });
});
