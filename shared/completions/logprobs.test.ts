import { describe, expect, it } from 'vitest';
import { normalizeLogprobs } from './logprobs';

describe('normalizeLogprobs', () => {
  it('returns null for null, non-objects and objects without tokens or content', () => {
    expect(normalizeLogprobs(null)).toBeNull();
    expect(normalizeLogprobs([])).toBeNull();
    expect(normalizeLogprobs({ token_logprobs: [-1] })).toBeNull();
  });

  it('prefers content[] when both shapes are present (Bifrost flattens both into one object)', () => {
    const tokens = normalizeLogprobs({
      content: [{ token: 'a', logprob: -1, bytes: [97], top_logprobs: [] }],
      tokens: ['b'],
      token_logprobs: [-2],
    });
    expect(tokens).toEqual([{ token: 'a', logprob: -1, top: [], bytes: [97], offset: null }]);
  });

  it('skips alternatives that are not numbers and bytes that are not integers', () => {
    const [legacy] = normalizeLogprobs({ tokens: ['x'], top_logprobs: [{ x: -1, y: 'no', z: null }] }) ?? [];
    expect(legacy?.top).toEqual([['x', -1]]);
    const [content] = normalizeLogprobs({ content: [{ token: 'x', logprob: -1, bytes: [1.5] }] }) ?? [];
    expect(content?.bytes).toBeNull();
  });

  it('orders alternatives most likely first, keeping the provider order of ties', () => {
    const [unsorted] = normalizeLogprobs({ tokens: ['x'], top_logprobs: [{ c: -3, a: -1, b: -2 }] }) ?? [];
    expect(unsorted?.top).toEqual([
      ['a', -1],
      ['b', -2],
      ['c', -3],
    ]);
    const [ties] = normalizeLogprobs({ tokens: ['x'], top_logprobs: [{ q: -2, p: -1, r: -2, s: -1 }] }) ?? [];
    expect(ties?.top).toEqual([
      ['p', -1],
      ['s', -1],
      ['q', -2],
      ['r', -2],
    ]);
    const [sorted] = normalizeLogprobs({ tokens: ['x'], top_logprobs: [{ z: -0.5, y: -0.5, x: -4 }] }) ?? [];
    expect(sorted?.top).toEqual([
      ['z', -0.5],
      ['y', -0.5],
      ['x', -4],
    ]);
  });
});
