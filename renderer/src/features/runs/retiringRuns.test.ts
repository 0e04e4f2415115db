import { describe, expect, it } from 'vitest';
import { MAX_RETIRING, retiringAfter } from './retiringRuns';

describe('retiringAfter', () => {
  it('retires the run that was shown, newest last', () => {
    expect(retiringAfter([], 'a', 'b')).toEqual(['a']);
    expect(retiringAfter(['a'], 'b', 'c')).toEqual(['a', 'b']);
  });

  it('retires nothing when nothing was shown or the same run stays', () => {
    expect(retiringAfter([], null, 'a')).toEqual([]);
    expect(retiringAfter(['x'], 'a', 'a')).toEqual(['x']);
  });

  it('takes a run shown again out of the retiring ones', () => {
    expect(retiringAfter(['a', 'b'], 'c', 'a')).toEqual(['b', 'c']);
  });

  it('keeps only the newest few', () => {
    let retiring: readonly string[] = [];
    for (let run = 0; run < MAX_RETIRING + 3; run++)
      retiring = retiringAfter(retiring, `r${run}`, `r${run + 1}`);
    expect(retiring).toHaveLength(MAX_RETIRING);
    expect(retiring.at(-1)).toBe(`r${MAX_RETIRING + 2}`);
  });
});
