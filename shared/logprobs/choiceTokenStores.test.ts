import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TokenColumns } from '../contracts/runs';
import { ChoiceTokenStores } from './choiceTokenStores';
import { packColumns } from './packedTokens';
import type { TokenSource } from './tokenStore';

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

describe('ChoiceTokenStores', () => {
  it('routes interleaved choices to per-choice stores sharing one string table', () => {
    const stores = new ChoiceTokenStores();
    for (let start = 0; start < 300; start += 30) stores.appendColumns(batch(start, 30, [2, 0]));
    expect(stores.choices()).toEqual([0, 2]);
    expect(stores.get(0)?.length).toBe(150);
    expect(stores.get(2)?.tokenAt(1)).toBe(' w2');
    expect(stores.get(1)).toBeUndefined();
    expect(stores.get(0)?.interner).toBe(stores.get(2)?.interner);
    expect(stores.memoryBytes()).toBeLessThan((stores.get(0)?.memoryBytes() ?? 0) * 2);
  });

  it('passes its options to every store: an echoed choice starts without a logprob', () => {
    const stores = new ChoiceTokenStores({ echo: true });
    stores.appendColumns({
      choice: [0, 1, 0, 1],
      token: ['Are', 'Are', ' you', ' we'],
      logprob: [0, null, -1, -2],
      top: [null, null, [[' you', -1]], [[' we', -2]]],
    });
    expect([stores.store(0).logprobAt(0), stores.store(1).logprobAt(0)]).toEqual([null, null]);
    expect([stores.store(0).logprobAt(1), stores.store(1).logprobAt(1)]).toEqual([-1, -2]);
    expect(stores.store(5).length).toBe(0);
    expect(stores.choices()).toEqual([0, 1, 5]);
  });
});

/** Everything a store holds about its tokens, read through the TokenSource accessors. */
function contents(source: TokenSource | undefined): unknown[] {
  if (!source) return [];
  return Array.from({ length: source.length }, (_, index) => [
    source.tokenAt(index),
    source.logprobAt(index),
    source.offsetAt(index),
    source.bytesAt(index),
    source.hasTop(index),
    Array.from({ length: source.topCountAt(index) }, (_, rank) => [
      source.topTokenAt(index, rank),
      source.topLogprobAt(index, rank),
    ]),
  ]);
}

const TEXTS = ['a', ' b', '\n', 'é', ' the', ''];
const row = fc.record({
  choice: fc.integer({ min: 0, max: 2 }),
  token: fc.constantFrom(...TEXTS),
  logprob: fc.option(fc.double({ min: -20, max: 0, noNaN: true }), { nil: null }),
  top: fc.option(
    fc.array(fc.tuple(fc.constantFrom(...TEXTS), fc.float({ min: -20, max: 0, noNaN: true })), {
      maxLength: 3,
    }),
    { nil: null },
  ),
  bytes: fc.option(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 4 }), { nil: null }),
  offset: fc.option(fc.nat({ max: 1000 }), { nil: null }),
});

function columnsOf(rows: ReadonlyArray<typeof row extends fc.Arbitrary<infer R> ? R : never>): TokenColumns {
  return {
    choice: rows.map((entry) => entry.choice),
    token: rows.map((entry) => entry.token),
    logprob: rows.map((entry) => entry.logprob),
    top: rows.map((entry) => entry.top),
    bytes: rows.map((entry) => entry.bytes),
    offset: rows.map((entry) => entry.offset),
  };
}

describe('ChoiceTokenStores.appendPacked', () => {
  it('holds exactly what appending the same rows one token at a time holds, batch after batch', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(row, { maxLength: 12 }), { maxLength: 5 }),
        fc.boolean(),
        (batches, echo) => {
          const packed = new ChoiceTokenStores({ echo, initialCapacity: 1 });
          const oneByOne = new ChoiceTokenStores({ echo, initialCapacity: 1 });
          for (const rows of batches) {
            packed.appendPacked(packColumns(columnsOf(rows)));
            oneByOne.appendColumns(columnsOf(rows));
          }
          expect(packed.choices()).toEqual(oneByOne.choices());
          for (const choice of oneByOne.choices())
            expect(contents(packed.get(choice))).toEqual(contents(oneByOne.get(choice)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('lands a 100,000-token batch of one choice in one piece', () => {
    const stores = new ChoiceTokenStores();
    stores.appendPacked(packColumns(batch(0, 100_000, [0])));
    const store = stores.get(0);
    expect(store?.length).toBe(100_000);
    expect(store?.tokenAt(99_999)).toBe(' w49');
    expect(store?.topTokenAt(99_999, 4)).toBe(' w3');
    expect(store?.offsetAt(99_999)).toBe(99_999);
  });
});
