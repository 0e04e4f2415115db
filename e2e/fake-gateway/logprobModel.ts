import { isArrayIndexKey } from './tokenizer';
import { randomBetween, randomInt, type Rng } from './prng';

/** `logprobs: k` is served with at most this many alternatives (OpenAI allows 5; Bifrost does not check). */
export const MAX_TOP_LOGPROBS = 20;
const CANDIDATES = MAX_TOP_LOGPROBS + 1;

export interface TokenScore {
  /** log p of the token itself, always < 0. */
  logprob: number;
  /** The k most likely tokens at this position, most likely first; null when no alternatives were asked for. */
  top: Array<[string, number]> | null;
}

export interface ScoreOptions {
  /** Temperature 0: the token is always the most likely one. */
  greedy: boolean;
  /** How many alternatives to list; null = none (only the token's own logprob). */
  topK: number | null;
  pool: readonly string[];
}

/** Rounded like OpenAI's float32 values, so that JSON stays short. */
function roundLogprob(value: number): number {
  return Number(value.toPrecision(8));
}

/**
 * 21 strictly decreasing probabilities whose sum stays below 1 - tail (the mass of all other tokens),
 * so that any top-k of them is a valid partial distribution even after rounding.
 */
function candidateProbabilities(rng: Rng): number[] {
  const tail = 10 ** randomBetween(rng, -6, -1.5);
  const confidence = rng();
  const firstShare =
    confidence < 0.45
      ? 1 - 10 ** randomBetween(rng, -5, -1)
      : confidence < 0.85
        ? randomBetween(rng, 0.4, 0.9)
        : randomBetween(rng, 0.12, 0.4);
  const probabilities: number[] = [];
  let remaining = 1 - tail;
  let previous = Number.POSITIVE_INFINITY;
  for (let i = 0; i < CANDIDATES; i++) {
    const share = i === 0 ? firstShare : randomBetween(rng, 0.25, 0.65);
    const p = Math.min(remaining * share, previous * 0.98);
    probabilities.push(p);
    remaining -= p;
    previous = p;
  }
  return probabilities;
}

/** Where the sampled token ranks among the candidates: usually first, sometimes not even in a top-5. */
function sampledRank(rng: Rng): number {
  const u = rng();
  if (u < 0.72) return 0;
  if (u < 0.86) return 1;
  if (u < 0.92) return 2;
  if (u < 0.96) return randomInt(rng, 3, 5);
  return randomInt(rng, 6, CANDIDATES - 1);
}

/** `count` distinct tokens from the pool, none equal to `exclude`. */
function pickAlternatives(rng: Rng, pool: readonly string[], exclude: string, count: number): string[] {
  const chosen = new Set<string>();
  for (let attempt = 0; chosen.size < count && attempt < count * 20; attempt++) {
    const candidate = pool[Math.floor(rng() * pool.length)];
    if (candidate !== undefined && candidate !== exclude && !isArrayIndexKey(candidate))
      chosen.add(candidate);
  }
  for (const candidate of pool) {
    if (chosen.size >= count) break;
    if (candidate !== exclude && !isArrayIndexKey(candidate)) chosen.add(candidate);
  }
  return [...chosen];
}

/**
 * Invents a plausible distribution around `token`: its logprob, and the top-k alternatives sorted by
 * logprob. The token appears in the top-k exactly when its rank is below k, so it is usually, but not
 * always, among them. Integer-like tokens are ranked last (never listed, see `isArrayIndexKey`).
 */
export function scoreToken(token: string, rng: Rng, options: ScoreOptions): TokenScore {
  const probabilities = candidateProbabilities(rng);
  const logprobAt = (i: number): number => roundLogprob(Math.log(probabilities[i] ?? 1e-13));
  const rank = isArrayIndexKey(token) ? CANDIDATES - 1 : options.greedy ? 0 : sampledRank(rng);
  const logprob = logprobAt(rank);
  if (options.topK === null) return { logprob, top: null };
  const k = Math.max(0, Math.min(options.topK, MAX_TOP_LOGPROBS));
  const alternatives = pickAlternatives(rng, options.pool, token, k);
  const top: Array<[string, number]> = [];
  let next = 0;
  for (let i = 0; i < k; i++) {
    const alternative = i === rank ? token : alternatives[next++];
    if (alternative !== undefined) top.push([alternative, logprobAt(i)]);
  }
  return { logprob, top };
}
