import { describe, expect, it } from 'vitest';
import { StringInterner } from './stringInterner';

describe('StringInterner', () => {
  it('gives each distinct string one id', () => {
    const interner = new StringInterner();
    expect(interner.intern('a')).toBe(0);
    expect(interner.intern('b')).toBe(1);
    expect(interner.intern('a')).toBe(0);
    expect(interner.intern('')).toBe(2);
    expect(interner.size).toBe(3);
    expect(interner.get(1)).toBe('b');
    expect(() => interner.get(3)).toThrow(RangeError);
  });

  it('estimates its memory from the characters and entries it holds', () => {
    const interner = new StringInterner();
    interner.intern('abcd');
    interner.intern('abcd');
    interner.intern('xy');
    expect(interner.memoryBytes()).toBe(6 * 2 + 2 * 56);
  });
});
