import { entropyBitsAt, rankAt, surprisalBitsOf } from './metrics';
import type { TokenSource } from './tokenStore';

/**
 * Colour scales of the heatmap. Every mode maps a token to a bucket 0..9 on one palette:
 * 0 = confident / unremarkable, 9 = least confident / most remarkable; null = no value (no colour, and
 * the UI says why, e.g. "no logprob" for the first echoed prompt token).
 */
export type HeatmapMode = 'probability' | 'surprisal' | 'entropy' | 'rank';
export const HEATMAP_MODES: readonly HeatmapMode[] = ['probability', 'surprisal', 'entropy', 'rank'];
export const BUCKET_COUNT = 10;

/** Surprisal at or above this many bits lands in the last bucket. */
export const SURPRISAL_SCALE_MAX_BITS = 10;

/** Probability below which a token also gets the non-colour cue (underline): less likely than not. */
export const LOW_CONFIDENCE_PROBABILITY = 0.5;

export interface ScaleOptions {
  /** Alternatives requested (`logprobs` k): the entropy scale runs 0..log2(k + 1) bits. */
  k: number;
}

export interface LegendStop {
  bucket: number;
  label: string;
}

export interface Legend {
  mode: HeatmapMode;
  title: string;
  /** One sentence explaining the scale. */
  description: string;
  /** From bucket 0 to bucket 9 (rank mode: the four buckets it uses). */
  stops: LegendStop[];
  /** How tokens without a value are shown. */
  noValue: string;
  /** The extra non-colour cue. */
  underline: string;
}

const clampBucket = (value: number): number => Math.min(BUCKET_COUNT - 1, Math.max(0, Math.floor(value)));
const percent = (value: number): string => `${Math.round(value * 100)}%`;

/** Highest entropy the scale shows: all k alternatives and the "other" bucket equally likely. */
export function entropyScaleMaxBits(k: number): number {
  return Math.log2(Math.max(1, k) + 1);
}

/** Rank buckets: most likely, second, third or lower, not in the returned list. */
const RANK_BUCKETS = { first: 0, second: 3, lower: 6, absent: 9 } as const;

/**
 * Bucket of a value in a mode. `value` is: probability 0..1; surprisal in bits; entropy in bits;
 * rank 0.. or 'absent' (not in top k). null → null.
 */
export function bucketOf(
  mode: HeatmapMode,
  value: number | 'absent' | null,
  scale: ScaleOptions,
): number | null {
  if (value === null) return null;
  if (mode === 'rank') {
    if (value === 'absent') return RANK_BUCKETS.absent;
    return value <= 0 ? RANK_BUCKETS.first : value === 1 ? RANK_BUCKETS.second : RANK_BUCKETS.lower;
  }
  if (value === 'absent') return null;
  switch (mode) {
    case 'probability':
      return clampBucket((1 - value) * BUCKET_COUNT);
    case 'surprisal':
      return clampBucket((value / SURPRISAL_SCALE_MAX_BITS) * BUCKET_COUNT);
    case 'entropy':
      return clampBucket((value / entropyScaleMaxBits(scale.k)) * BUCKET_COUNT);
  }
}

/**
 * The value a mode colours a token by: probability, surprisal bits, entropy bits, or rank ('absent'
 * when the token is not among the returned alternatives). null when there is nothing to show: no
 * logprob (probability, surprisal), no alternatives (entropy, rank).
 */
export function heatValueAt(source: TokenSource, index: number, mode: HeatmapMode): number | 'absent' | null {
  const logprob = source.logprobAt(index);
  switch (mode) {
    case 'probability':
      return logprob === null ? null : Math.exp(logprob);
    case 'surprisal':
      return surprisalBitsOf(logprob);
    case 'entropy':
      return entropyBitsAt(source, index);
    case 'rank':
      if (!source.hasTop(index)) return null;
      return rankAt(source, index) ?? 'absent';
  }
}

/**
 * Value of a display span (merged tokens of one character): probability is the joint probability
 * (product), surprisal the joint surprisal (sum); entropy and rank take the worst member (highest
 * entropy, lowest rank, 'absent' first). null when any member has none.
 */
export function spanHeatValue(
  source: TokenSource,
  first: number,
  count: number,
  mode: HeatmapMode,
): number | 'absent' | null {
  let combined: number | 'absent' | null = mode === 'probability' ? 1 : 0;
  for (let index = first; index < first + count; index++) {
    const value = heatValueAt(source, index, mode);
    if (value === null) return null;
    if (combined === 'absent' || value === 'absent') combined = 'absent';
    else if (mode === 'probability') combined *= value;
    else if (mode === 'surprisal') combined += value;
    else combined = Math.max(combined, value);
  }
  return combined;
}

/** Bucket of a span (a single token: first = index, count = 1). */
export function spanBucket(
  source: TokenSource,
  first: number,
  count: number,
  mode: HeatmapMode,
  scale: ScaleOptions,
): number | null {
  return bucketOf(mode, spanHeatValue(source, first, count, mode), scale);
}

/** The underline cue: the span's joint probability is below 50%. False when unknown. */
export function isLowConfidence(source: TokenSource, first: number, count = 1): boolean {
  const probability = spanHeatValue(source, first, count, 'probability');
  return typeof probability === 'number' && probability < LOW_CONFIDENCE_PROBABILITY;
}

const UNDERLINE = `Underlined: less than ${percent(LOW_CONFIDENCE_PROBABILITY)} likely.`;
const NO_VALUE = 'No colour: no logprob for this token (e.g. the first prompt token).';

/** Legend for a mode: title, one-line description and a label per bucket. */
export function legendFor(mode: HeatmapMode, scale: ScaleOptions): Legend {
  const stops: LegendStop[] = [];
  const common = { mode, noValue: NO_VALUE, underline: UNDERLINE };
  switch (mode) {
    case 'probability':
      for (let bucket = 0; bucket < BUCKET_COUNT; bucket++)
        stops.push({ bucket, label: `${percent(1 - (bucket + 1) / 10)}–${percent(1 - bucket / 10)}` });
      return {
        ...common,
        title: 'Probability',
        description: 'How likely the model found each token (0–100%).',
        stops,
      };
    case 'surprisal':
      for (let bucket = 0; bucket < BUCKET_COUNT; bucket++)
        stops.push({
          bucket,
          label: bucket === BUCKET_COUNT - 1 ? '9+ bits' : `${bucket}–${bucket + 1} bits`,
        });
      return {
        ...common,
        title: 'Surprisal',
        description: `How surprising each token was, in bits (−log₂ p), from 0 to ${SURPRISAL_SCALE_MAX_BITS}+; each bit halves the probability.`,
        stops,
      };
    case 'entropy': {
      const max = entropyScaleMaxBits(scale.k);
      for (let bucket = 0; bucket < BUCKET_COUNT; bucket++)
        stops.push({
          bucket,
          label: `${((bucket * max) / 10).toFixed(2)}–${(((bucket + 1) * max) / 10).toFixed(2)} bits`,
        });
      return {
        ...common,
        title: 'Entropy',
        description: `How unsure the model was between the ${scale.k} returned alternatives (plus one bucket for the rest), from 0 to ${max.toFixed(2)} bits.`,
        stops,
        noValue: 'No colour: no alternatives were returned for this token.',
      };
    }
    case 'rank':
      return {
        ...common,
        title: 'Rank',
        description: 'Highlights tokens that were not the most likely choice.',
        stops: [
          { bucket: RANK_BUCKETS.first, label: 'most likely' },
          { bucket: RANK_BUCKETS.second, label: '2nd' },
          { bucket: RANK_BUCKETS.lower, label: '3rd or lower' },
          { bucket: RANK_BUCKETS.absent, label: `not in top ${scale.k}` },
        ],
        noValue: 'No colour: no alternatives were returned for this token.',
      };
  }
}
