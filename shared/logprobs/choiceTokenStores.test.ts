import { describe, expect, it } from 'vitest';
import type { TokenColumns } from '../contracts/runs';
import { ChoiceTokenStores } from './choiceTokenStores';

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
