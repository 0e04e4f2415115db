import { describe, expect, it } from 'vitest';
import {
  codeOf,
  describeJsonType,
  isRecord,
  limitDepth,
  nonEmptyStringOf,
  TOO_DEEP,
  truncateText,
  tryParseJson,
  withoutUndefined,
} from './jsonShape';

describe('jsonShape', () => {
  it('tells records from arrays and null', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
    expect(describeJsonType([])).toBe('an array');
    expect(describeJsonType(3)).toBe('a number');
  });

  it('reads codes as strings and skips blank strings', () => {
    expect(codeOf(404)).toBe('404');
    expect(codeOf('x')).toBe('x');
    expect(codeOf(null)).toBeUndefined();
    expect(nonEmptyStringOf('  ')).toBeUndefined();
  });

  it('drops undefined properties only', () => {
    expect(Object.keys(withoutUndefined({ a: 1, b: undefined, c: null, d: 0 }))).toEqual(['a', 'c', 'd']);
  });

  it('truncates long text within the limit and says so', () => {
    expect(truncateText('short', 10)).toBe('short');
    const cut = truncateText('y'.repeat(1000), 100);
    expect(cut).toHaveLength(100);
    expect(cut.endsWith('(truncated: 1000 characters in total)')).toBe(true);
  });

  it('parses JSON without throwing', () => {
    expect(tryParseJson('null')).toEqual({ ok: true, value: null });
    expect(tryParseJson('{')).toEqual({ ok: false });
  });

  it('cuts JSON nested deeper than the limit (JSON.stringify would overflow the stack on it)', () => {
    const shallow = { a: { b: [1, { c: 2 }] } };
    expect(limitDepth(shallow, 3)).toBe(shallow);
    expect(limitDepth(shallow, 2)).toEqual({ a: { b: [1, TOO_DEEP] } });
    let deep: unknown = 'bottom';
    for (let level = 0; level < 100_000; level++) deep = level % 2 ? { a: deep } : [deep];
    const cut = limitDepth({ deep }, 32);
    expect(() => JSON.stringify(cut)).not.toThrow();
    expect(JSON.stringify(cut)).toContain(TOO_DEEP);
    expect(() => structuredClone(cut)).not.toThrow();
  });

  it('keeps a "__proto__" key as a plain key when it copies', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "x": [[[1]]]}') as Record<string, unknown>;
    const cut = limitDepth(parsed, 1);
    expect(Object.getPrototypeOf(cut)).toBe(Object.prototype);
    expect(Object.keys(cut)).toEqual(['__proto__', 'x']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
