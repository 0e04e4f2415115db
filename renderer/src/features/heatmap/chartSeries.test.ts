import { describe, expect, it } from 'vitest';
import { TokenStore } from '@shared/logprobs/tokenStore';
import { probabilitySeries } from './chartSeries';

describe('probabilitySeries', () => {
  it('plots probabilities by token index, with a gap for a token without logprob', () => {
    const store = new TokenStore({ echo: true });
    store.append('A', null, null);
    store.append(' b', Math.log(0.25), null);
    const [x, y] = probabilitySeries(store);
    expect(x).toEqual([0, 1]);
    expect(y[0]).toBeNull();
    expect(y[1]).toBeCloseTo(0.25);
  });
});
