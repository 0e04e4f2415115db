import { describe, expect, it } from 'vitest';
import { isArrayIndexKey, tokenizePrompt } from './tokenizer';

describe('tokenizePrompt', () => {
  it('splits into whitespace-prefixed words and newline tokens that join back to the prompt', () => {
    const prompt = 'Once upon  a time\n\nthere was a café 🙂  ';
    const tokens = tokenizePrompt(prompt);
    expect(tokens).toEqual([
      'Once',
      ' upon',
      '  a',
      ' time',
      '\n',
      '\n',
      'there',
      ' was',
      ' a',
      ' café',
      ' 🙂',
      '  ',
    ]);
    expect(tokens.join('')).toBe(prompt);
  });

  it('returns no tokens for an empty prompt and keeps odd whitespace', () => {
    expect(tokenizePrompt('')).toEqual([]);
    expect(tokenizePrompt('a\r\nb\t c').join('')).toBe('a\r\nb\t c');
  });
});

describe('isArrayIndexKey', () => {
  it('recognises the keys JavaScript objects reorder', () => {
    expect(isArrayIndexKey('0')).toBe(true);
    expect(isArrayIndexKey('2024')).toBe(true);
    expect(isArrayIndexKey(' 2024')).toBe(false);
    expect(isArrayIndexKey('01')).toBe(false);
    expect(isArrayIndexKey('4294967295')).toBe(false);
  });
});
