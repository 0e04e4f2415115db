import { describe, expect, it } from 'vitest';
import {
  jsonTextToRows,
  parseLogitBiasJson,
  rowsToJsonText,
  rowsToLogitBias,
  type LogitBiasRow,
} from './logitBias';

const row = (token: string, bias: string, id = `${token}:${bias}`): LogitBiasRow => ({ id, token, bias });

describe('rowsToLogitBias', () => {
  it('maps complete rows and skips blank ones', () => {
    expect(rowsToLogitBias([row('50256', '-100'), row('', ''), row(' 11 ', '2.5')])).toEqual({
      value: { '50256': -100, '11': 2.5 },
      issues: [],
    });
    expect(rowsToLogitBias([])).toEqual({ value: undefined, issues: [] });
  });
  it('reports incomplete, non-numeric and duplicate rows by row number', () => {
    const { value, issues } = rowsToLogitBias([
      row('1', ''),
      row('', '5'),
      row('2', 'lots'),
      row('3', '1'),
      row('3', '2'),
    ]);
    expect(value).toEqual({ '3': 1 });
    expect(issues.map((issue) => issue.message)).toEqual([
      'Row 1: enter a bias',
      'Row 2: enter a token id',
      'Row 3: the bias must be a number',
      'Row 5: token 3 is listed twice',
    ]);
    expect(issues.every((issue) => issue.field === 'logit_bias')).toBe(true);
  });
});

describe('rows ⇄ JSON', () => {
  it('round-trips rows through JSON text', () => {
    const text = rowsToJsonText([row('50256', '-100'), row('11', '0.5')]);
    expect(JSON.parse(text)).toEqual({ '50256': -100, '11': 0.5 });
    const back = jsonTextToRows(text);
    // Integer keys come back in ascending order (JavaScript object key order).
    expect(back.ok && back.rows.map(({ token, bias }) => [token, bias])).toEqual([
      ['11', '0.5'],
      ['50256', '-100'],
    ]);
  });
  it('keeps a non-numeric bias as a string instead of dropping it', () => {
    expect(JSON.parse(rowsToJsonText([row('7', 'abc')]))).toEqual({ '7': 'abc' });
    expect(rowsToJsonText([row('', '')])).toBe('{}');
  });
  it('explains why text is not usable and does not produce rows from it', () => {
    expect(parseLogitBiasJson('{"1": ')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Not valid JSON/),
    });
    expect(parseLogitBiasJson('[1,2]')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/object/),
    });
    expect(parseLogitBiasJson('{"1": "x"}')).toEqual({
      ok: false,
      message: 'The bias for token "1" must be a number',
    });
    expect(jsonTextToRows('nope').ok).toBe(false);
    expect(parseLogitBiasJson('  ')).toEqual({ ok: true, value: {} });
  });
});
