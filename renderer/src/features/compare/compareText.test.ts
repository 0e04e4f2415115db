import { describe, expect, it } from 'vitest';
import { alignTokens, firstDivergence, tokenAtOffset, topOverlap, wordDiff, words } from './compareText';

describe('firstDivergence', () => {
  it('finds the first differing character, the end of the shorter text, or none', () => {
    expect(firstDivergence('The cat sat', 'The cat ran')).toBe(8);
    expect(firstDivergence('abc', 'abc')).toBeNull();
    expect(firstDivergence('abc', 'abcdef')).toBe(3);
    expect(firstDivergence('', 'x')).toBe(0);
  });
});

describe('tokenAtOffset', () => {
  it('names the token that holds an offset', () => {
    const texts = [' The', ' cat', ' sat'];
    expect(tokenAtOffset(texts, 0)).toBe(0);
    expect(tokenAtOffset(texts, 4)).toBe(1);
    expect(tokenAtOffset(texts, 11)).toBe(2);
    expect(tokenAtOffset(texts, 13)).toBeNull();
    expect(tokenAtOffset(texts, 12)).toBe(2);
    expect(tokenAtOffset([], 0)).toBeNull();
  });
});

describe('alignTokens', () => {
  it('pairs tokens that start at the same offset and lists those whose text differs', () => {
    const a = [' The', ' cat', ' sat', ' down'];
    const b = [' The', ' dog', ' sat', ' up', ' there'];
    const result = alignTokens(a, b);
    expect(result.aligned).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(result.a).toEqual([1, 3]);
    expect(result.b).toEqual([1, 3]);
  });

  it('skips tokens whose boundaries do not line up', () => {
    const result = alignTokens([' un', 'believ', 'able'], [' unbel', 'iev', 'able']);
    // ' un' and ' unbel' start at 0; 'able' starts at 9 in both.
    expect(result.aligned).toEqual([
      [0, 0],
      [2, 2],
    ]);
    expect(result.a).toEqual([0]);
  });
});

describe('wordDiff', () => {
  it('marks removed and added words and keeps whitespace', () => {
    expect(wordDiff('the quick brown fox', 'the slow brown fox jumps')).toEqual([
      { kind: 'same', text: 'the ' },
      { kind: 'removed', text: 'quick' },
      { kind: 'added', text: 'slow' },
      { kind: 'same', text: ' brown fox' },
      { kind: 'added', text: ' jumps' },
    ]);
  });

  it('rebuilds each side from its parts', () => {
    const a = 'One line\nand another one here';
    const b = 'One new line\nand one here, too';
    const parts = wordDiff(a, b);
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(a);
    expect(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(b);
    expect(wordDiff('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
    expect(words(' a  b')).toEqual([' ', 'a', '  ', 'b']);
  });
});

describe('topOverlap', () => {
  it('averages the Jaccard overlap of the alternatives where both columns have them', () => {
    const a = [[' a', ' b'], [' x'], null];
    const b = [[' b', ' c'], [' x'], [' y']];
    const result = topOverlap(
      [
        [0, 0],
        [1, 1],
        [2, 2],
      ],
      (i) => a[i] ?? null,
      (j) => b[j] ?? null,
    );
    expect(result.compared).toBe(2);
    expect(result.meanOverlap).toBeCloseTo((1 / 3 + 1) / 2);
    expect(
      topOverlap(
        [],
        () => null,
        () => null,
      ),
    ).toEqual({ compared: 0, meanOverlap: null });
  });
});
