// Relative, not @shared: this module also runs in the engine's worker thread, loaded by tsx in tests.
import { mulberry32 } from '../../../shared/random/mulberry32';

/**
 * JS-side sampling over the model's RAW next-token distribution, so the logprobs the server reports
 * are the model's own (as OpenAI and vLLM report them), not the sampler's truncated, temperature-scaled
 * ones. Pure: no llama.cpp here.
 */

/** A next-token distribution as log-probabilities, most likely first. */
export interface LogDistribution {
  ids: number[];
  logprobs: number[];
}

export interface SamplingOptions {
  /** 0 = greedy. */
  temperature: number;
  /** Nucleus size in (0, 1]; 1 keeps everything. */
  topP: number;
}

/**
 * The distribution as sorted logprobs, with `bias` (token id → added to the logit) applied and
 * renormalised. `probabilities` must be sorted by probability, descending, as node-llama-cpp returns it.
 */
export function toLogDistribution(
  probabilities: ReadonlyMap<number, number>,
  bias?: Readonly<Record<number, number>>,
): LogDistribution {
  const ids: number[] = [];
  const logprobs: number[] = [];
  for (const [id, probability] of probabilities) {
    ids.push(id);
    logprobs.push(Math.log(probability));
  }
  if (!bias || Object.keys(bias).length === 0) return { ids, logprobs };
  const biased = ids.map((id, at) => ({ id, logit: (logprobs[at] ?? -Infinity) + (bias[id] ?? 0) }));
  const logZ = logSumExp(biased.map((entry) => entry.logit));
  biased.sort((a, b) => b.logit - a.logit);
  return { ids: biased.map((entry) => entry.id), logprobs: biased.map((entry) => entry.logit - logZ) };
}

export function logSumExp(values: readonly number[]): number {
  let max = -Infinity;
  for (const value of values) if (value > max) max = value;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (const value of values) sum += Math.exp(value - max);
  return max + Math.log(sum);
}

/**
 * The position (in `distribution`) of the sampled token: the first (most likely) one when greedy;
 * otherwise temperature-scaled, cut to the top_p nucleus, and drawn with `random` (in [0, 1)).
 */
export function pickIndex(
  distribution: LogDistribution,
  options: SamplingOptions,
  random: () => number,
): number {
  const { logprobs } = distribution;
  const best = logprobs[0];
  if (best === undefined) throw new Error('Empty distribution');
  if (options.temperature <= 0 || logprobs.length === 1) return 0;
  const weights: number[] = [];
  let total = 0;
  for (const logprob of logprobs) {
    const weight = Math.exp((logprob - best) / options.temperature);
    weights.push(weight);
    total += weight;
  }
  // The nucleus: the most likely tokens whose scaled probabilities reach top_p (at least one).
  let kept = 0;
  let keptMass = 0;
  const topP = Math.min(Math.max(options.topP, 0), 1);
  while (kept < weights.length) {
    keptMass += weights[kept] ?? 0;
    kept++;
    // A small tolerance: 0.5 + 0.3 from exp(log(...)) may come out a hair under 0.8.
    if (keptMass >= topP * total * (1 - 1e-9)) break;
  }
  let target = random() * keptMass;
  for (let at = 0; at < kept; at++) {
    target -= weights[at] ?? 0;
    if (target < 0) return at;
  }
  return kept - 1;
}

/** A seeded PRNG (mulberry32 over a 32-bit mix of the seed) returning numbers in [0, 1). */
export function createRandom(seed: number): () => number {
  const whole = Math.trunc(seed);
  const high = Math.floor(whole / 2 ** 32);
  return mulberry32(Math.imul(whole >>> 0, 0x9e3779b1) ^ Math.imul(high >>> 0, 0x85ebca6b) ^ 0x6d2b79f5);
}

/** A seed for a request that gave none: random, so such runs differ. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 32);
}
