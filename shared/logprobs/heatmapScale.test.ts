import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeCompletion } from '../completions/normalize';
import {
  BUCKET_COUNT,
  bucketOf,
  entropyScaleMaxBits,
  HEATMAP_MODES,
  heatValueAt,
  isLowConfidence,
  legendFor,
  spanBucket,
  spanHeatValue,
} from './heatmapScale';
import { TokenStore } from './tokenStore';

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/real-responses');

/** The first choice of a non-streamed recording, as an echoed choice's store. */
function choiceStore(name: string, choice = 0): TokenStore {
  const json = JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as unknown;
  const store = new TokenStore({ echo: true });
  store.appendTokens(normalizeCompletion(json).choices[choice]?.tokens ?? []);
  return store;
}

const scale = { k: 5 };

describe('bucketOf', () => {
  it('maps probability 0..1 to buckets 0 (certain) .. 9 (unlikely)', () => {
    const cases: Array<[number, number]> = [
      [1, 0],
      [0.95, 0],
      [0.85, 1],
      [0.5, 5],
      [0.45, 5],
      [0.05, 9],
      [0, 9],
    ];
    for (const [probability, bucket] of cases)
      expect(bucketOf('probability', probability, scale)).toBe(bucket);
  });

  it('maps surprisal in 1-bit steps up to 9+ bits', () => {
    expect(bucketOf('surprisal', 0, scale)).toBe(0);
    expect(bucketOf('surprisal', 0.99, scale)).toBe(0);
    expect(bucketOf('surprisal', 6.08, scale)).toBe(6);
    expect(bucketOf('surprisal', 9.5, scale)).toBe(9);
    expect(bucketOf('surprisal', 40, scale)).toBe(9);
  });

  it('maps entropy over 0..log2(k + 1) bits', () => {
    expect(entropyScaleMaxBits(5)).toBeCloseTo(Math.log2(6), 15);
    expect(bucketOf('entropy', 0, scale)).toBe(0);
    expect(bucketOf('entropy', 0.72, scale)).toBe(2); // 0.72 / 2.585 = 0.28
    expect(bucketOf('entropy', Math.log2(6), scale)).toBe(9);
    expect(bucketOf('entropy', 1, { k: 1 })).toBe(9);
  });

  it('maps rank to most likely / 2nd / 3rd or lower / not in top k', () => {
    expect([0, 1, 2, 7, 'absent' as const].map((rank) => bucketOf('rank', rank, scale))).toEqual([
      0, 3, 6, 6, 9,
    ]);
  });

  it('has no bucket without a value', () => {
    for (const mode of HEATMAP_MODES) expect(bucketOf(mode, null, scale)).toBeNull();
  });
});

describe('values of real tokens', () => {
  it('colours the echoed prompt, leaving the first token without a value in every mode', () => {
    const store = choiceStore('lmeval-openai-ada-echo-4prompts.json');
    for (const mode of HEATMAP_MODES) expect(spanBucket(store, 0, 1, mode, scale)).toBeNull();
    // " cross" (-8.237076): 0.026% likely, 11.9 bits, not in the top 5.
    expect(spanBucket(store, 2, 1, 'probability', scale)).toBe(9);
    expect(heatValueAt(store, 2, 'surprisal')).toBeCloseTo(8.237076 / Math.LN2, 12);
    expect(spanBucket(store, 2, 1, 'surprisal', scale)).toBe(9);
    expect(heatValueAt(store, 2, 'rank')).toBe('absent');
    expect(spanBucket(store, 2, 1, 'rank', scale)).toBe(9);
    // " the" (-1.1225104): 32.5% likely, most likely of its alternatives.
    expect(spanBucket(store, 1, 1, 'probability', scale)).toBe(6);
    expect(spanBucket(store, 1, 1, 'rank', scale)).toBe(0);
  });

  it('shows Azure tokens without alternatives as having no rank or entropy', () => {
    const store = new TokenStore();
    store.append('x', -0.1, null);
    expect([heatValueAt(store, 0, 'rank'), heatValueAt(store, 0, 'entropy')]).toEqual([null, null]);
    expect(heatValueAt(store, 0, 'probability')).toBeCloseTo(Math.exp(-0.1), 15);
  });

  it('combines a merged span: joint probability, summed surprisal, worst rank', () => {
    const store = new TokenStore();
    store.append('bytes:\\xf0\\x9f', Math.log(0.5), [['bytes:\\xf0\\x9f', Math.log(0.5)]]);
    store.append('bytes:\\x99\\x82', Math.log(0.8), [
      ['x', Math.log(0.1)],
      ['bytes:\\x99\\x82', Math.log(0.8)],
    ]);
    expect(spanHeatValue(store, 0, 2, 'probability')).toBeCloseTo(0.4, 12);
    expect(spanHeatValue(store, 0, 2, 'surprisal')).toBeCloseTo(1 + Math.log2(1 / 0.8), 12);
    expect(spanHeatValue(store, 0, 2, 'rank')).toBe(0);
    expect(spanBucket(store, 0, 2, 'probability', scale)).toBe(6);
    expect(isLowConfidence(store, 0, 2)).toBe(true);
    expect(isLowConfidence(store, 1)).toBe(false);
  });
});

describe('isLowConfidence (underline)', () => {
  it('underlines tokens below 50% and never a token without a logprob', () => {
    const store = choiceStore('lmeval-openai-ada-echo-4prompts.json');
    expect(isLowConfidence(store, 0)).toBe(false); // no logprob
    expect(isLowConfidence(store, 1)).toBe(true); // 32.5%
    const exact = new TokenStore();
    exact.append('a', Math.log(0.5), null);
    exact.append('b', Math.log(0.49), null);
    expect([isLowConfidence(exact, 0), isLowConfidence(exact, 1)]).toEqual([false, true]);
  });
});

describe('legendFor', () => {
  it('labels every bucket of the continuous scales', () => {
    const probability = legendFor('probability', scale);
    expect(probability.stops).toHaveLength(BUCKET_COUNT);
    expect(probability.stops[0]).toEqual({ bucket: 0, label: '90%–100%' });
    expect(probability.stops[9]).toEqual({ bucket: 9, label: '0%–10%' });
    expect(probability.underline).toBe('Underlined: less than 50% likely.');
    expect(
      legendFor('surprisal', scale)
        .stops.map((stop) => stop.label)
        .slice(-2),
    ).toEqual(['8–9 bits', '9+ bits']);
    const entropy = legendFor('entropy', scale);
    expect(entropy.description).toContain('2.58 bits');
    expect(entropy.stops[9]?.label).toBe('2.33–2.58 bits');
  });

  it('names the four rank buckets with the requested k', () => {
    expect(legendFor('rank', { k: 3 }).stops).toEqual([
      { bucket: 0, label: 'most likely' },
      { bucket: 3, label: '2nd' },
      { bucket: 6, label: '3rd or lower' },
      { bucket: 9, label: 'not in top 3' },
    ]);
  });
});
