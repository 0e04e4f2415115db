import { describe, expect, it } from 'vitest';
import { columnMarks } from './compareMarks';
import { compareSeedRuns, seedCheckSummary } from './seedCheck';

describe('columnMarks', () => {
  it('marks the fastest, cheapest and most confident column, ignoring unknown figures', () => {
    const marks = columnMarks([
      { id: 'a', totalMs: 900, costUsd: 0.002, meanLogprob: -0.4 },
      { id: 'b', totalMs: 300, costUsd: null, meanLogprob: -1.2 },
      { id: 'c', totalMs: 500, costUsd: 0.001, meanLogprob: null },
    ]);
    expect(marks.get('a')).toEqual(['most confident']);
    expect(marks.get('b')).toEqual(['fastest']);
    expect(marks.get('c')).toEqual(['cheapest']);
  });

  it('gives no mark when only one column has the figure', () => {
    const marks = columnMarks([
      { id: 'a', totalMs: 900, costUsd: 0.002, meanLogprob: null },
      { id: 'b', totalMs: null, costUsd: null, meanLogprob: null },
    ]);
    expect(marks.size).toBe(0);
  });
});

describe('seed check', () => {
  const run = { text: 'same words', logprobs: [-0.1, -0.2], systemFingerprint: 'fp_1' };
  it('reports a full match', () => {
    const result = compareSeedRuns(run, { ...run }, null);
    expect(result).toMatchObject({ textMatches: true, logprobsMatch: true, fingerprintMatches: true });
    expect(seedCheckSummary(result)).toBe('Match: same text, logprobs and system_fingerprint.');
  });

  it('says what differed', () => {
    const result = compareSeedRuns(
      run,
      { text: 'same wards', logprobs: [-0.1, -0.3], systemFingerprint: 'fp_2' },
      6,
    );
    expect(seedCheckSummary(result)).toBe(
      'Mismatch: text (from character 6), logprobs and system_fingerprint differed.',
    );
    const noExtras = compareSeedRuns(
      { ...run, logprobs: [], systemFingerprint: '' },
      { ...run, logprobs: [], systemFingerprint: null },
      null,
    );
    expect(noExtras.logprobsMatch).toBeNull();
    expect(noExtras.fingerprintMatches).toBeNull();
    expect(seedCheckSummary(noExtras)).toBe('Match: same text.');
  });
});
