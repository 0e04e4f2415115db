import { describe, expect, it } from 'vitest';
import {
  codeOf,
  describeJsonType,
  isRecord,
  nonEmptyStringOf,
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
});
