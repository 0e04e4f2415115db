import { describe, expect, it } from 'vitest';
import { formatNumberText, parseNumberText, stepNumberText } from './numberText';

describe('parseNumberText', () => {
  it('treats empty text as unset', () => {
    expect(parseNumberText('')).toEqual({ kind: 'unset' });
    expect(parseNumberText('   ')).toEqual({ kind: 'unset' });
  });
  it('reads plain, signed, decimal and exponent numbers', () => {
    expect(parseNumberText('0.7')).toEqual({ kind: 'number', value: 0.7 });
    expect(parseNumberText('-2')).toEqual({ kind: 'number', value: -2 });
    expect(parseNumberText('\u22121.5')).toEqual({ kind: 'number', value: -1.5 });
    expect(parseNumberText('.5')).toEqual({ kind: 'number', value: 0.5 });
    expect(parseNumberText('1e3')).toEqual({ kind: 'number', value: 1000 });
    expect(parseNumberText('0,7')).toEqual({ kind: 'number', value: 0.7 });
  });
  it('rejects everything else', () => {
    for (const text of ['abc', '1.2.3', '-', '1,000,000', '0x10', 'Infinity', '1e999']) {
      expect(parseNumberText(text)).toEqual({ kind: 'invalid' });
    }
  });
});

describe('formatNumberText and stepNumberText', () => {
  it('removes float noise', () => {
    expect(formatNumberText(0.1 + 0.2)).toBe('0.3');
    expect(formatNumberText(-0.7000000000000001)).toBe('-0.7');
  });
  it('steps from the value, or lands on the start value when unset', () => {
    expect(stepNumberText('0.7', 0.1, 1)).toBe('0.8');
    expect(stepNumberText('', 0.1, 1)).toBe('1');
    expect(stepNumberText('', -0.1, 1)).toBe('1');
    expect(stepNumberText('oops', 1, 16)).toBe('16');
  });
});
