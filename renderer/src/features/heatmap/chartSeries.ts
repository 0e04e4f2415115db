import type { TokenSource } from '@shared/logprobs/tokenStore';

/**
 * uPlot's data for the probability chart: x = token index, y = probability (null for a token without
 * a logprob, which leaves a gap instead of a misleading 0).
 */
export function probabilitySeries(source: TokenSource): [number[], Array<number | null>] {
  const x = new Array<number>(source.length);
  const y = new Array<number | null>(source.length);
  for (let index = 0; index < source.length; index++) {
    x[index] = index;
    const logprob = source.logprobAt(index);
    y[index] = logprob === null ? null : Math.exp(logprob);
  }
  return [x, y];
}
