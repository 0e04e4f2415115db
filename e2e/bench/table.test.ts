import { describe, expect, it } from 'vitest';
import { formatNumber, formatTable, median, notMeasured, ratioOf, type BenchRow } from './table';

const row = (extra: Partial<BenchRow>): BenchRow => ({
  id: '1a',
  name: 'Parse',
  figure: 20,
  unit: 'µs',
  reference: 40,
  referenceName: 'SDK',
  ratio: 0.5,
  target: '≤ 0.5×',
  met: true,
  ...extra,
});

describe('bench table helpers', () => {
  it('takes the median of odd and even samples without reordering the input', () => {
    const samples = [5, 1, 3];
    expect(median(samples)).toBe(3);
    expect(samples).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('gives a ratio only when both sides are there and the reference is not 0', () => {
    expect(ratioOf(3, 2)).toBe(1.5);
    expect(ratioOf(null, 2)).toBeNull();
    expect(ratioOf(3, 0)).toBeNull();
  });

  it('formats figures with three significant digits and thousands separators', () => {
    expect(formatNumber(0.64912)).toBe('0.649');
    expect(formatNumber(27.71)).toBe('27.7');
    expect(formatNumber(19807.4)).toBe('19,807');
    expect(formatNumber(null)).toBe('—');
  });

  it('prints aligned rows, NO for a missed target, and the notes under the table', () => {
    const text = formatTable([
      row({}),
      row({ id: '1b', figure: 30, ratio: 24, target: '≤ 3×', met: false, note: 'slow VM' }),
      notMeasured('6', 'History', '—', 'history store not present'),
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^# +\| measure/);
    expect(lines[2]).toContain('0.5×');
    expect(lines[2]?.trimEnd().endsWith('yes')).toBe(true);
    expect(lines[3]?.trimEnd().endsWith('NO')).toBe(true);
    expect(lines[4]).toContain('not measured');
    expect(new Set(lines.slice(0, 5).map((line) => line.indexOf('|'))).size).toBe(1);
    expect(text).toContain('[1b] slow VM');
    expect(text).toContain('[6] history store not present');
  });
});
