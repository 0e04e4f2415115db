import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeCompletion } from '../completions/normalize';
import {
  coverageSentence,
  formatProbability,
  inspectToken,
  missingLogprobsNotice,
  visibleWhitespace,
} from './inspector';
import { TokenStore } from './tokenStore';

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/real-responses');

function choiceStore(name: string): TokenStore {
  const json = JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as unknown;
  const store = new TokenStore({ echo: true });
  store.appendTokens(normalizeCompletion(json).choices[0]?.tokens ?? []);
  return store;
}

describe('visibleWhitespace', () => {
  it('makes whitespace visible and leaves other text alone', () => {
    expect(visibleWhitespace('\n\n')).toBe('↵↵');
    expect(visibleWhitespace(' \n')).toBe('␣↵');
    expect(visibleWhitespace(' am')).toBe('␣am');
    expect(visibleWhitespace('\t\r\u00a0')).toBe('⇥␍⍽');
    expect(visibleWhitespace('a\u2009b\u200b')).toBe('a\\u{2009}b\\u{200B}');
    expect(visibleWhitespace('')).toBe('∅');
    expect(visibleWhitespace('café🙂')).toBe('café🙂');
  });
});

describe('formatProbability', () => {
  it('formats percentages for people', () => {
    expect([1, 0.99999, 0.845, 0.5, 0.0147, 0.0004, 0].map(formatProbability)).toEqual([
      '100%',
      '>99.9%',
      '84.5%',
      '50%',
      '1.5%',
      '<0.1%',
      '0%',
    ]);
    expect(coverageSentence(0.7688889, 5)).toBe('76.9% of probability covered by the top 5');
  });
});

describe('inspectToken', () => {
  it('lists the alternatives of a generated token with probabilities and the chosen one marked', () => {
    const store = choiceStore('lmeval-openai-ada-2021-11-stop-logprobs5.json');
    const inspection = inspectToken(store, 2); // "\n" after " dog."
    expect(inspection.display).toBe('↵');
    expect(inspection.logprob).toBe(-1.2404953);
    expect(inspection.probability).toBeCloseTo(0.28924092, 8);
    expect(inspection.rank).toBe(0);
    expect(inspection.chosenInTop).toBe(true);
    const alternatives = inspection.alternatives ?? [];
    expect(alternatives.map((alternative) => [alternative.display, alternative.isChosen])).toEqual([
      ['↵', true],
      ['\\xE2\\x80', false], // bytes:\xe2\x80, part of a character
      ['␣The', false],
      ['↵↵', false],
      ['␣I', false],
    ]);
    expect(alternatives[1]?.partialCharacter).toBe(true);
    expect(alternatives[1]?.token).toBe('bytes:\\xe2\\x80');
    expect(alternatives[1]?.probability).toBeCloseTo(Math.exp(-2.329577), 6);
    expect(inspection.coverageText).toBe('51.2% of probability covered by the top 5');
  });

  it('shows the first echoed token as having no logprob (not as 0)', () => {
    const store = choiceStore('azsdk-net-azure-davinci002-echo-logprobs-bestof.json');
    const inspection = inspectToken(store, 0);
    expect(inspection).toMatchObject({
      token: 'Are',
      display: 'Are',
      logprob: null,
      probability: null,
      surprisalBits: null,
      rank: null,
      alternatives: null,
      coverage: null,
      coverageText: null,
      chosenInTop: false,
    });
  });

  it('marks a chosen token missing from the alternatives', () => {
    const store = choiceStore('litellm-openai-davinci002-echo-1token.json');
    const inspection = inspectToken(store, 1); // " crisp" sampled although "," was the top-1
    expect(inspection.display).toBe('␣crisp');
    expect(inspection.rank).toBeNull();
    expect(inspection.chosenInTop).toBe(false);
    expect(inspection.alternatives?.map((alternative) => alternative.display)).toEqual([',']);
    expect(inspection.coverageText).toBe('11.6% of probability covered by the top 1');
  });
});

describe('missingLogprobsNotice', () => {
  it('speaks up only when logprobs were requested and none came back', () => {
    expect(missingLogprobsNotice(5, 0)).toContain('logprobs: 5');
    expect(missingLogprobsNotice(0, 0)).toContain('but the response has none');
    expect(missingLogprobsNotice(1, 0)).toContain('this provider or gateway dropped logprobs');
    expect(missingLogprobsNotice(5, 12)).toBeNull();
    expect(missingLogprobsNotice(undefined, 0)).toBeNull();
  });
});
