import type { TokenSource } from './tokenStore';

/**
 * Per-token and per-choice numbers for the heatmap, the token inspector and the choice summary.
 * Every function reads a TokenSource (TokenStore) by index, so nothing is allocated per token.
 */

/** p = exp(logprob); null without a logprob. */
export function probabilityOf(logprob: number | null): number | null {
  return logprob === null ? null : Math.exp(logprob);
}

/** Surprisal in bits, −logprob / ln 2; null without a logprob. */
export function surprisalBitsOf(logprob: number | null): number | null {
  return logprob === null ? null : -logprob / Math.LN2 + 0; // + 0 turns −0 into 0
}

/** Where the chosen token is among the returned alternatives, by exact token text; -1 when absent. */
export function chosenPosition(source: TokenSource, index: number): number {
  const token = source.tokenAt(index);
  const count = source.topCountAt(index);
  for (let rank = 0; rank < count; rank++) if (source.topTokenAt(index, rank) === token) return rank;
  return -1;
}

/**
 * Rank of the chosen token among the alternatives: 0 = most likely. Alternatives tied with it do not
 * push it down (rank = how many alternatives are strictly more likely). null when the token is not in
 * the returned list ("not in top k") or no alternatives were returned (check `hasTop`).
 */
export function rankAt(source: TokenSource, index: number): number | null {
  const position = chosenPosition(source, index);
  if (position < 0) return null;
  const chosen = source.topLogprobAt(index, position);
  let rank = 0;
  for (let other = 0; other < position; other++) if (source.topLogprobAt(index, other) > chosen) rank++;
  return rank;
}

/**
 * Share of the probability mass the returned alternatives cover, Σ exp(logprob) capped at 1
 * ("X% of probability covered by the top k", k = topCountAt). null when no alternatives were returned.
 */
export function coverageAt(source: TokenSource, index: number): number | null {
  if (!source.hasTop(index)) return null;
  let sum = 0;
  const count = source.topCountAt(index);
  for (let rank = 0; rank < count; rank++) sum += Math.exp(source.topLogprobAt(index, rank));
  return Math.min(1, sum);
}

const plogp = (p: number): number => (p > 0 ? -p * Math.log2(p) : 0);

/**
 * Entropy in bits of the next-token distribution as far as the response shows it. Buckets: each
 * returned alternative; the chosen token when it is not among them (its probability is known); and
 * one "other" bucket holding the leftover mass 1 − Σp (everything the provider did not list). When the
 * listed mass exceeds 1 (rounding, bf16 values) it is renormalised and "other" is empty. Lumping the
 * rest into one bucket makes this a lower bound of the true entropy; with k alternatives the value is
 * at most log2(k + 1) (log2(k + 2) when the chosen token is added). null without alternatives.
 */
export function entropyBitsAt(source: TokenSource, index: number): number | null {
  if (!source.hasTop(index)) return null;
  const count = source.topCountAt(index);
  let sum = 0;
  for (let rank = 0; rank < count; rank++) sum += Math.exp(source.topLogprobAt(index, rank));
  const chosenLogprob = source.logprobAt(index);
  const extra = chosenPosition(source, index) < 0 && chosenLogprob !== null ? Math.exp(chosenLogprob) : 0;
  sum += extra;
  if (sum <= 0) return null;
  const scale = sum > 1 ? 1 / sum : 1;
  let entropy = plogp(extra * scale) + plogp(sum > 1 ? 0 : 1 - sum);
  for (let rank = 0; rank < count; rank++)
    entropy += plogp(Math.exp(source.topLogprobAt(index, rank)) * scale);
  return entropy;
}

// ---- per choice ----

export interface LowestToken {
  index: number;
  token: string;
  logprob: number;
  probability: number;
}

export interface SequenceStats {
  /** Tokens with a logprob: the ones the numbers below are computed from. */
  scoredTokens: number;
  /** Tokens without a logprob (e.g. the first echoed prompt token), left out of every number. */
  skippedTokens: number;
  /** Mean of the logprobs; null when no token has one. */
  meanLogprob: number | null;
  /** exp(−meanLogprob); null when no token has a logprob. */
  perplexity: number | null;
  /** The least likely scored token (the first one on ties); null when none. */
  lowest: LowestToken | null;
  /** Scored tokens with probability below 50%. */
  belowHalf: number;
}

/**
 * Running per-choice statistics, updated token by token while a stream grows. Tokens without a
 * logprob (the first echoed prompt token has none) are counted as skipped and otherwise ignored.
 */
export class SequenceStatsAccumulator {
  private scored = 0;
  private skipped = 0;
  private sum = 0;
  private below = 0;
  private lowestIndex = -1;
  private lowestLogprob = Infinity;
  private lowestToken = '';

  add(index: number, token: string, logprob: number | null): void {
    if (logprob === null) {
      this.skipped++;
      return;
    }
    this.scored++;
    this.sum += logprob;
    if (logprob < Math.log(0.5)) this.below++;
    if (logprob < this.lowestLogprob)
      [this.lowestIndex, this.lowestLogprob, this.lowestToken] = [index, logprob, token];
  }

  /** Adds tokens `from .. to - 1` of a source. */
  addRange(source: TokenSource, from = 0, to = source.length): void {
    for (let index = from; index < to; index++)
      this.add(index, source.tokenAt(index), source.logprobAt(index));
  }

  result(): SequenceStats {
    const meanLogprob = this.scored === 0 ? null : this.sum / this.scored;
    return {
      scoredTokens: this.scored,
      skippedTokens: this.skipped,
      meanLogprob,
      perplexity: meanLogprob === null ? null : Math.exp(-meanLogprob),
      lowest:
        this.lowestIndex < 0
          ? null
          : {
              index: this.lowestIndex,
              token: this.lowestToken,
              logprob: this.lowestLogprob,
              probability: Math.exp(this.lowestLogprob),
            },
      belowHalf: this.below,
    };
  }
}

/** Statistics of tokens `from .. to - 1` of a choice (all by default). */
export function sequenceStats(source: TokenSource, from = 0, to = source.length): SequenceStats {
  const accumulator = new SequenceStatsAccumulator();
  accumulator.addRange(source, from, to);
  return accumulator.result();
}

/**
 * Choices of n ordered best first by mean logprob; choices without one come last; ties keep the lower
 * choice index first.
 */
export function rankChoicesByMeanLogprob<
  T extends { choice: number; stats: Pick<SequenceStats, 'meanLogprob'> },
>(choices: readonly T[]): T[] {
  return [...choices].sort((a, b) => {
    const [x, y] = [a.stats.meanLogprob, b.stats.meanLogprob];
    if (x === null || y === null) return x === y ? a.choice - b.choice : x === null ? 1 : -1;
    return y - x || a.choice - b.choice;
  });
}
