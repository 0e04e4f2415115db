import { describe, expect, it } from 'vitest';
import { blockMarksKeys } from './spanMarks';

describe('blockMarksKeys', () => {
  it("gives each block the sorted marks of its own spans, '' where it has none", () => {
    const marks = new Map([
      [5, 'differs'],
      [0, 'differs diverges'],
      [3, 'differs'],
      [12, 'differs'],
      [40, 'differs'],
    ]);
    // Blocks 0..3, 4..9, 10..11, 12..count-1 (count 20: span 40 is not shown yet).
    expect(blockMarksKeys(marks, [0, 4, 10, 12], 20)).toEqual([
      '0:differs diverges,3:differs',
      '5:differs',
      '',
      '12:differs',
    ]);
  });

  it('gives every block an empty key without marks', () => {
    expect(blockMarksKeys(new Map(), [0, 512], 600)).toEqual(['', '']);
  });
});
