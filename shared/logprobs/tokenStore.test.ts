import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TokenColumns } from '../contracts/runs';
import { normalizeCompletion } from '../completions/normalize';
import { TokenStore } from './tokenStore';

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/real-responses');
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as unknown;

/** A deterministic batch: `rows` tokens for the given choices, interleaved, each with 5 alternatives. */
function batch(start: number, rows: number, choices: number[]): TokenColumns {
  const columns: Required<TokenColumns> = {
    choice: [],
    token: [],
    logprob: [],
    top: [],
    bytes: [],
    offset: [],
  };
  for (let row = 0; row < rows; row++) {
    const serial = start + row;
    const choice = choices[row % choices.length] ?? 0;
    columns.choice.push(choice);
    columns.token.push(` w${serial % 50}`);
    columns.logprob.push(-serial / 1000);
    columns.top.push([0, 1, 2, 3, 4].map((rank) => [` w${(serial + rank) % 50}`, -rank - serial / 1000]));
    columns.bytes.push(null);
    columns.offset.push(serial);
  }
  return columns;
}

describe('TokenStore', () => {
  it('appends many batches and reads every column back', () => {
    const store = new TokenStore({ initialCapacity: 4 });
    for (let start = 0; start < 1000; start += 37) store.appendColumns(batch(start, 37, [0]));
    expect(store.length).toBe(1036);
    expect(store.tokenAt(0)).toBe(' w0');
    expect(store.tokenAt(1035)).toBe(' w35');
    expect(store.logprobAt(999)).toBe(-0.999); // Float64: exact
    expect(store.offsetAt(999)).toBe(999);
    expect(store.topCountAt(999)).toBe(5);
    expect(store.topTokenAt(999, 2)).toBe(' w1');
    // Alternatives are single precision.
    expect(store.topLogprobAt(999, 2)).toBe(Math.fround(-2.999));
    expect(store.topAt(3)).toEqual(
      [0, 1, 2, 3, 4].map((rank) => [` w${3 + rank}`, Math.fround(-rank - 0.003)]),
    );
  });

  it('keeps only the rows of the requested choice', () => {
    const columns = batch(0, 9, [0, 1, 2]);
    const store = new TokenStore();
    expect(store.appendColumns(columns, 1)).toBe(3);
    expect([0, 1, 2].map((index) => store.tokenAt(index))).toEqual([' w1', ' w4', ' w7']);
  });

  it('interns token texts and alternatives in one table', () => {
    const store = new TokenStore();
    store.appendColumns(batch(0, 500, [0]));
    expect(store.interner.size).toBe(50);
  });

  it('keeps null apart from 0 and no alternatives apart from an empty list', () => {
    const store = new TokenStore();
    store.append('a', null, null);
    store.append('b', 0, []);
    store.append('c', -1, [['c', -1]], null, 7);
    expect([store.logprobAt(0), store.logprobAt(1), store.logprobAt(2)]).toEqual([null, 0, -1]);
    expect([store.hasTop(0), store.hasTop(1), store.hasTop(2)]).toEqual([false, true, true]);
    expect([store.topAt(0), store.topAt(1), store.topCountAt(0)]).toEqual([null, [], 0]);
    expect([store.offsetAt(0), store.offsetAt(2)]).toEqual([null, 7]);
    expect(() => store.topTokenAt(1, 0)).toThrow(RangeError);
    expect(() => store.tokenAt(3)).toThrow(RangeError);
    expect(() => store.logprobAt(-1)).toThrow(RangeError);
  });

  it('stores bytes from the first token that has them, growing past the initial capacity', () => {
    const store = new TokenStore({ initialCapacity: 1 });
    store.append('x', -1, null);
    store.append('\\xf0\\x9f', -2, null, [240, 159]);
    store.append('y', -3, null);
    for (let index = 0; index < 200; index++) store.append('é', -0.5, null, [0xc3, 0xa9]);
    expect(store.bytesAt(0)).toBeNull();
    expect(store.bytesAt(1)).toEqual([240, 159]);
    expect(store.bytesAt(2)).toBeNull();
    expect(store.bytesAt(202)).toEqual([0xc3, 0xa9]);
    expect(store.length).toBe(203);
  });

  it('reads an echoed first logprob of 0 (Azure) as null only when told the choice is echoed', () => {
    const completion = normalizeCompletion(fixture('azsdk-net-azure-davinci002-echo-logprobs-bestof.json'));
    const tokens = completion.choices[0]?.tokens ?? [];
    const echoed = new TokenStore({ echo: true });
    echoed.appendTokens(tokens);
    const plain = new TokenStore();
    plain.appendTokens(tokens);
    expect(echoed.length).toBe(53);
    expect(echoed.logprobAt(0)).toBeNull();
    expect(plain.logprobAt(0)).toBe(0);
    expect(echoed.logprobAt(1)).toBe(-14.245341);
    expect(echoed.topAt(1)).toEqual([[' you', Math.fround(-0.54795146)]]);
  });

  it('needs at most ~100 bytes per token with 5 alternatives (allocated capacity counted)', () => {
    const store = new TokenStore();
    for (let start = 0; start < 10_000; start += 25) store.appendColumns(batch(start, 25, [0]));
    const perToken = store.memoryBytes() / store.length;
    // Used bytes alone: 8 + 4 + 4 + 1 + 4 + 5 × (4 + 4) = 61 per token.
    expect(perToken).toBeGreaterThanOrEqual(61);
    expect(perToken).toBeLessThanOrEqual(100);
  });
});
