import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TokenColumns } from '../contracts/runs';
import { normalizeCompletion } from '../completions/normalize';
import {
  coverageAt,
  entropyBitsAt,
  probabilityOf,
  rankAt,
  rankChoicesByMeanLogprob,
  sequenceStats,
  SequenceStatsAccumulator,
  surprisalBitsOf,
} from './metrics';
import { ChoiceTokenStores } from './choiceTokenStores';
import { TokenStore } from './tokenStore';

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/real-responses');
const read = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

/** Replays an SSE recording chunk by chunk into per-choice stores, as the renderer receives batches. */
function streamStores(name: string): ChoiceTokenStores {
  const stores = new ChoiceTokenStores();
  for (const line of read(name).split('\n')) {
    if (!line.startsWith('data: ') || line === 'data: [DONE]') continue;
    const columns: TokenColumns = { choice: [], token: [], logprob: [], top: [], bytes: [], offset: [] };
    for (const choice of normalizeCompletion(JSON.parse(line.slice(6)) as unknown).choices)
      for (const token of choice.tokens ?? []) {
        columns.choice.push(choice.index);
        columns.token.push(token.token);
        columns.logprob.push(token.logprob);
        columns.top.push(token.top);
        columns.bytes?.push(token.bytes);
        columns.offset?.push(token.offset);
      }
    stores.appendColumns(columns);
  }
  return stores;
}

function echoStores(name: string): TokenStore[] {
  return normalizeCompletion(JSON.parse(read(name)) as unknown).choices.map((choice) => {
    const store = new TokenStore({ echo: true });
    store.appendTokens(choice.tokens ?? []);
    return store;
  });
}

const must = <T>(value: T | undefined): T => {
  if (value === undefined) throw new Error('missing');
  return value;
};

describe('per-token metrics', () => {
  it('converts logprobs to probability and surprisal bits', () => {
    expect(probabilityOf(Math.log(0.25))).toBeCloseTo(0.25, 15);
    expect(surprisalBitsOf(Math.log(0.25))).toBeCloseTo(2, 15);
    expect(surprisalBitsOf(-Math.LN2)).toBe(1);
    expect(Object.is(surprisalBitsOf(0), 0)).toBe(true);
    expect([probabilityOf(null), surprisalBitsOf(null)]).toEqual([null, null]);
  });

  it('computes rank, coverage and entropy on the Azure top-5 stream (langstream)', () => {
    const store = must(streamStores('langstream-azure-instruct-stream-logprobs5.sse').get(0));
    expect(store.length).toBe(16);
    // Token 0 "\n\n" (-0.16865084): the most likely of 5 covering 99.24%.
    expect(rankAt(store, 0)).toBe(0);
    expect(must(coverageAt(store, 0) ?? undefined)).toBeCloseTo(0.99241929799, 6);
    expect(must(entropyBitsAt(store, 0) ?? undefined)).toBeCloseTo(0.72020031, 5);
    expect(must(surprisalBitsOf(store.logprobAt(0)) ?? undefined)).toBeCloseTo(0.24331173, 8);
    // Token 5 " language" (-4.2176867): second among its alternatives, p 1.47%.
    expect(store.tokenAt(5)).toBe(' language');
    expect(rankAt(store, 5)).toBe(1);
    expect(must(probabilityOf(store.logprobAt(5)) ?? undefined)).toBeCloseTo(0.014732686, 8);
    expect(must(entropyBitsAt(store, 5) ?? undefined)).toBeCloseTo(0.2481205, 5);
    // Token 15 " the" lost to " knowledge": rank 1, the top 5 cover only 76.89%.
    expect(rankAt(store, 15)).toBe(1);
    expect(must(coverageAt(store, 15) ?? undefined)).toBeCloseTo(0.76888891, 6);
    expect(must(entropyBitsAt(store, 15) ?? undefined)).toBeCloseTo(2.07526959, 5);
  });

  it('adds an absent chosen token as its own entropy bucket and reports its rank as null', () => {
    const choice = must(echoStores('lmeval-openai-ada-echo-4prompts.json')[0]);
    // Token 2 " cross" is not among the 5 alternatives (which cover 6.17%).
    expect(choice.tokenAt(2)).toBe(' cross');
    expect(rankAt(choice, 2)).toBeNull();
    expect(must(coverageAt(choice, 2) ?? undefined)).toBeCloseTo(0.06174643, 6);
    expect(must(entropyBitsAt(choice, 2) ?? undefined)).toBeCloseTo(0.47883006, 5);
    // Token 3 "-" is third: two alternatives ("." and ",") are more likely.
    expect(rankAt(choice, 3)).toBe(2);
    expect(must(entropyBitsAt(choice, 3) ?? undefined)).toBeCloseTo(2.16762926, 5);
    // The echoed first token has neither logprob nor alternatives.
    expect([choice.logprobAt(0), rankAt(choice, 0), coverageAt(choice, 0), entropyBitsAt(choice, 0)]).toEqual(
      [null, null, null, null],
    );
  });

  it('renormalises alternatives whose probabilities add up to more than 1', () => {
    const store = new TokenStore();
    store.append('a', Math.log(0.6), [
      ['a', Math.log(0.6)],
      ['b', Math.log(0.6)],
    ]);
    expect(entropyBitsAt(store, 0)).toBeCloseTo(1, 6); // two equal buckets, nothing left over
    expect(coverageAt(store, 0)).toBe(1);
    expect(rankAt(store, 0)).toBe(0); // tied with the best
  });
});

describe('sequence statistics', () => {
  it('summarises the langstream choice', () => {
    const store = must(streamStores('langstream-azure-instruct-stream-logprobs5.sse').get(0));
    const stats = sequenceStats(store);
    expect(stats.scoredTokens).toBe(16);
    expect(stats.skippedTokens).toBe(0);
    expect(must(stats.meanLogprob ?? undefined)).toBeCloseTo(-0.6786356792581251, 12);
    expect(must(stats.perplexity ?? undefined)).toBeCloseTo(1.971186566122749, 12);
    expect(stats.lowest).toEqual({
      index: 5,
      token: ' language',
      logprob: -4.2176867,
      probability: Math.exp(-4.2176867),
    });
    expect(stats.belowHalf).toBe(5);
  });

  it('leaves out the null first logprob of an echoed prompt and says so in skippedTokens', () => {
    const stats = sequenceStats(must(echoStores('lmeval-openai-ada-echo-4prompts.json')[0]));
    expect(stats.scoredTokens).toBe(5);
    expect(stats.skippedTokens).toBe(1);
    expect(must(stats.meanLogprob ?? undefined)).toBeCloseTo(-3.9834255, 12);
    expect(must(stats.perplexity ?? undefined)).toBeCloseTo(53.70067117284854, 9);
    expect(stats.lowest?.token).toBe(' cross');
  });

  it('has no mean or perplexity without a scored token', () => {
    const store = new TokenStore();
    store.append('a', null, null);
    expect(sequenceStats(store)).toEqual({
      scoredTokens: 0,
      skippedTokens: 1,
      meanLogprob: null,
      perplexity: null,
      lowest: null,
      belowHalf: 0,
    });
  });

  it('gives the same numbers incrementally as in one pass', () => {
    const store = must(streamStores('langstream-azure-instruct-stream-logprobs5.sse').get(0));
    const accumulator = new SequenceStatsAccumulator();
    accumulator.addRange(store, 0, 7);
    accumulator.addRange(store, 7);
    expect(accumulator.result()).toEqual(sequenceStats(store));
  });

  it('ranks choices by mean logprob, best first, unknown last', () => {
    const ranked = rankChoicesByMeanLogprob([
      ...echoStores('lmeval-openai-ada-echo-4prompts.json').map((store, choice) => ({
        choice,
        stats: sequenceStats(store),
      })),
      { choice: 4, stats: { meanLogprob: null } },
    ]);
    // Means: 0 → -3.98, 1 → -3.60, 2 → -7.92, 3 → -6.58.
    expect(ranked.map((entry) => entry.choice)).toEqual([1, 0, 3, 2, 4]);
    const ties = rankChoicesByMeanLogprob([
      { choice: 2, stats: { meanLogprob: -1 } },
      { choice: 0, stats: { meanLogprob: -1 } },
      { choice: 1, stats: { meanLogprob: null } },
      { choice: 3, stats: { meanLogprob: null } },
    ]);
    expect(ties.map((entry) => entry.choice)).toEqual([0, 2, 1, 3]);
  });
});
