import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeCompletion } from '../completions/normalize';
import { normalizeLogprobs } from '../completions/logprobs';
import { TokenStore } from './tokenStore';
import { DisplaySpanList, mergeTokens, spanLogprob, Utf8SpanMerger } from './utf8Merge';

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/real-responses');
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as unknown;

const texts = (tokens: string[]): Array<[string, number, number]> =>
  mergeTokens(tokens.map((token) => ({ token }))).map((span) => [span.text, span.first, span.count]);

describe('mergeTokens', () => {
  it('merges the byte tokens of one character, taking the partial token from a real response', () => {
    // lmeval-openai-ada-2021-11: the alternative "bytes:\xe2\x80" is the start of a curly quote.
    const completion = normalizeCompletion(fixture('lmeval-openai-ada-2021-11-stop-logprobs5.json'));
    const top = completion.choices[0]?.tokens?.[1]?.top ?? [];
    const partial = top.find(([token]) => token.startsWith('bytes:'))?.[0];
    expect(partial).toBe('bytes:\\xe2\\x80');
    expect(texts([' dog', partial ?? '', 'bytes:\\x99', 's', '\n'])).toEqual([
      [' dog', 0, 1],
      ['’', 1, 2],
      ['s', 3, 1],
      ['\n', 4, 1],
    ]);
  });

  it('merges an emoji split across 2, 3 and 4 tokens', () => {
    expect(texts(['Hi', 'bytes:\\xf0\\x9f', 'bytes:\\x99\\x82'])).toEqual([
      ['Hi', 0, 1],
      ['🙂', 1, 2],
    ]);
    expect(texts(['bytes:\\xf0', 'bytes:\\x9f', 'bytes:\\x99\\x82', '!'])).toEqual([
      ['🙂', 0, 3],
      ['!', 3, 1],
    ]);
    expect(texts([' ', 'bytes:\\xf0', 'bytes:\\x9f', 'bytes:\\x99', 'bytes:\\x82'])).toEqual([
      [' ', 0, 1],
      ['🙂', 1, 4],
    ]);
  });

  it('merges a byte token with the text token that completes it (bytes across a token boundary)', () => {
    // "é" = C3 A9: a token holding the tail byte and more text.
    expect(
      mergeTokens([
        { token: 'caf' },
        { token: 'bytes:\\xc3' },
        { token: '\\xa9 ok', bytes: [0xa9, 0x20, 0x6f, 0x6b] },
      ]).map((span) => [span.text, span.first, span.count]),
    ).toEqual([
      ['caf', 0, 1],
      ['é ok', 1, 2],
    ]);
  });

  it('merges content[] tokens by their bytes', () => {
    const tokens = normalizeLogprobs({
      content: [
        { token: ' I', logprob: -0.1, bytes: [32, 73], top_logprobs: [] },
        { token: ' \\xf0\\x9f', logprob: -2.5, bytes: [32, 240, 159], top_logprobs: [] },
        { token: '\\x99\\x82', logprob: -0.01, bytes: [153, 130], top_logprobs: [] },
        { token: '!\n\n', logprob: -0.3, bytes: [33, 10, 10], top_logprobs: [] },
      ],
    });
    const spans = mergeTokens(tokens ?? []);
    expect(spans).toEqual([
      { text: ' I', first: 0, count: 1, valid: true },
      { text: ' 🙂', first: 1, count: 2, valid: true },
      { text: '!\n\n', first: 3, count: 1, valid: true },
    ]);
    const store = new TokenStore();
    store.appendTokens(tokens ?? []);
    // The merged span is coloured by its joint probability: the sum of its members' logprobs.
    expect(spanLogprob(store, 1, 2)).toBeCloseTo(-2.51, 12);
  });

  it('shows invalid or never-completed bytes as U+FFFD instead of waiting forever', () => {
    expect(mergeTokens([{ token: 'bytes:\\x80' }, { token: 'a' }])).toEqual([
      { text: '\ufffd', first: 0, count: 1, valid: false },
      { text: 'a', first: 1, count: 1, valid: true },
    ]);
    expect(mergeTokens([{ token: 'a' }, { token: 'bytes:\\xe2\\x80' }])).toEqual([
      { text: 'a', first: 0, count: 1, valid: true },
      { text: '\ufffd', first: 1, count: 1, valid: false },
    ]);
  });

  it('keeps whitespace exactly: the spans of every real echoed choice join to its text', () => {
    const completion = normalizeCompletion(fixture('lmeval-openai-ada-echo-13docs-large.json'));
    expect(completion.choices).toHaveLength(13);
    for (const choice of completion.choices) {
      const spans = mergeTokens(choice.tokens ?? []);
      expect(spans.map((span) => span.text).join('')).toBe(choice.text);
      expect(spans.every((span) => span.valid && span.count === 1)).toBe(true);
    }
  });
});

describe('Utf8SpanMerger', () => {
  it('holds an incomplete tail while streaming and releases it when completed', () => {
    const merger = new Utf8SpanMerger();
    expect(merger.push(' a')).toEqual({ text: ' a', first: 0, count: 1, valid: true });
    expect(merger.push('bytes:\\xf0\\x9f')).toBeNull();
    expect(merger.pendingTokens).toBe(1);
    expect(merger.push('bytes:\\x99')).toBeNull();
    expect(merger.push('bytes:\\x82')).toEqual({ text: '🙂', first: 1, count: 3, valid: true });
    expect(merger.pendingTokens).toBe(0);
    expect(merger.finish()).toBeNull();
  });
});

describe('DisplaySpanList', () => {
  it('follows a growing store and flushes the tail at the end of the stream', () => {
    const store = new TokenStore();
    const spans = new DisplaySpanList(store);
    store.append(' x', -0.1, null);
    store.append('bytes:\\xe2\\x80', -1, null);
    expect(spans.sync()).toBe(1);
    expect(spans.pendingTokens).toBe(1);
    store.append('bytes:\\x99', -0.5, null);
    store.append('\n', -0.2, null);
    store.append('bytes:\\xf0\\x9f', -3, null);
    expect(spans.sync()).toBe(2);
    expect([0, 1, 2].map((span) => spans.textAt(span))).toEqual([' x', '’', '\n']);
    expect([0, 1, 2].map((span) => [spans.firstTokenAt(span), spans.tokenCountAt(span)])).toEqual([
      [0, 1],
      [1, 2],
      [3, 1],
    ]);
    expect(spans.spanOfToken(2)).toBe(1);
    expect(spans.spanOfToken(4)).toBeNull(); // still pending
    expect(spans.finish()).toBe(1);
    expect(spans.textAt(3)).toBe('\ufffd');
    expect([spans.validAt(2), spans.validAt(3)]).toEqual([true, false]);
    expect(spans.spanOfToken(4)).toBe(3);
    expect(spans.finish()).toBe(0);
    expect(() => spans.textAt(4)).toThrow(RangeError);
  });

  it('handles a long stream (growing its arrays) with the same result as a one-shot merge', () => {
    const store = new TokenStore();
    const spans = new DisplaySpanList(store);
    const tokens: string[] = [];
    for (let index = 0; index < 500; index++) {
      const token = index % 3 === 1 ? 'bytes:\\xc3' : index % 3 === 2 ? 'bytes:\\xa9' : ' caf';
      tokens.push(token);
      store.append(token, -0.1, null);
      if (index % 7 === 0) spans.sync();
    }
    spans.finish();
    const expected = mergeTokens(tokens.map((token) => ({ token })));
    expect(spans.length).toBe(expected.length);
    expect(Array.from({ length: spans.length }, (_, span) => spans.textAt(span)).join('')).toBe(
      expected.map((span) => span.text).join(''),
    );
    expect(spans.textAt(1)).toBe('é');
  });
});
