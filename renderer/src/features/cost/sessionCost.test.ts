import { describe, expect, it } from 'vitest';
import { emptySessionCost, withRunCost } from './sessionCost';

describe('withRunCost', () => {
  it('sums each run once and counts runs without a cost separately', () => {
    let session = withRunCost(emptySessionCost, 'a', 0.0001);
    session = withRunCost(session, 'b', 0.0002);
    session = withRunCost(session, 'a', 0.0001);
    session = withRunCost(session, 'c', null);
    expect(session.totalUsd).toBe(0.0003);
    expect(session.pricedRuns).toBe(2);
    expect(session.unpricedRuns).toBe(1);
    expect(withRunCost(session, 'c', 5)).toBe(session);
    expect(emptySessionCost.counted.size).toBe(0);
  });
});
