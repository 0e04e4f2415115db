import { describe, expect, it } from 'vitest';
import { appendRunTokens, choiceSpans, choiceTokenStore, createRunTokens, keepRunTokens } from './runTokens';

const columns = (choice: number[], token: string[], logprob: Array<number | null>) => ({
  choice,
  token,
  logprob,
  top: token.map(() => null),
});

describe('run token registry', () => {
  it('routes columns to choice stores and merges split characters into spans', () => {
    createRunTokens('a', false);
    appendRunTokens('a', columns([0, 1, 0], ['Hi', 'Yo', 'bytes:\\xf0\\x9f'], [-0.1, -0.2, -0.3]));
    expect(choiceTokenStore('a', 0)?.length).toBe(2);
    expect(choiceTokenStore('a', 1)?.tokenAt(0)).toBe('Yo');
    const open = choiceSpans('a', 0, false);
    expect(open?.length).toBe(1);
    appendRunTokens('a', columns([0], ['bytes:\\x99\\x82'], [-0.4]));
    const spans = choiceSpans('a', 0, true);
    expect(spans?.length).toBe(2);
    expect(spans?.textAt(1)).toBe('🙂');
    expect(spans?.firstTokenAt(1)).toBe(1);
  });

  it('stores an echoed first 0 as null and forgets runs that are not kept', () => {
    createRunTokens('b', true);
    appendRunTokens('b', columns([0, 0], ['A', ' b'], [0, -1]));
    expect(choiceTokenStore('b', 0)?.logprobAt(0)).toBeNull();
    keepRunTokens(['a']);
    expect(choiceTokenStore('b', 0)).toBeNull();
    expect(choiceSpans('b', 0, false)).toBeNull();
    expect(choiceTokenStore('a', 0)).not.toBeNull();
  });
});
