import { describe, expect, it } from 'vitest';
import type { TokenColumns } from '../contracts/runs';
import { packedTokensSchema } from '../contracts/runs';
import { ChoiceTokenStores } from './choiceTokenStores';
import { packColumns, packedTokensProblem, PackedTokensBuilder, unpackTokens } from './packedTokens';

const columns: Required<TokenColumns> = {
  choice: [0, 1, 0, 1],
  token: [' the', ' a', 'bytes:\\xe2\\x80', ' the'],
  logprob: [-0.25, null, -3.5, -0.125],
  top: [
    [
      [' the', -0.25],
      [' a', -1.5],
    ],
    null,
    [],
    [[' the', -0.125]],
  ],
  bytes: [null, null, [226, 128], null],
  offset: [0, null, 4, 2],
};

describe('packed tokens', () => {
  it('round-trips plain columns through typed arrays and one string table', () => {
    const packed = packColumns(columns);
    expect(packed.strings).toEqual([' the', ' a', 'bytes:\\xe2\\x80']);
    expect(Array.from(packed.text)).toEqual([0, 1, 2, 0]);
    expect(packedTokensProblem(packed)).toBeNull();
    expect(unpackTokens(packed)).toEqual(columns);
  });

  it('leaves bytes and offset out when no token had them, and keeps an empty alternatives list apart from none', () => {
    const builder = new PackedTokensBuilder();
    builder.add(0, 'x', -1, []);
    builder.add(0, 'y', -2, null);
    expect(unpackTokens(builder.build())).toEqual({
      choice: [0, 0],
      token: ['x', 'y'],
      logprob: [-1, -2],
      top: [[], null],
    });
  });

  it('starts afresh after build, and its arrays are exactly as long as the data (no shared buffer)', () => {
    const builder = new PackedTokensBuilder();
    for (let i = 0; i < 100; i++) builder.add(0, `t${i % 7}`, -i, [[`t${i % 7}`, -i]]);
    const first = builder.build();
    expect(first.logprob.buffer.byteLength).toBe(100 * 8);
    expect(first.strings).toHaveLength(7);
    builder.add(2, 'z', null, null);
    const second = builder.build();
    expect(second.strings).toEqual(['z']);
    expect(unpackTokens(second).choice).toEqual([2]);
  });

  it('sends index columns as narrow as the batch allows, and no byte ranges when there are no bytes', () => {
    const small = packColumns(columns);
    expect(small.text).toBeInstanceOf(Uint16Array);
    expect(small.topText).toBeInstanceOf(Uint16Array);
    expect(small.choice).toBeInstanceOf(Uint8Array);
    expect(small.bytesStart).toHaveLength(columns.token.length + 1);

    const builder = new PackedTokensBuilder();
    for (let i = 0; i < 70_000; i++) builder.add(i < 69_999 ? 0 : 300, `s${i}`, -1, [[`s${i}`, -1]]);
    const wide = builder.build();
    expect(wide.text).toBeInstanceOf(Int32Array);
    expect(wide.topText).toBeInstanceOf(Int32Array);
    expect(wide.choice).toBeInstanceOf(Int32Array);
    expect(wide.bytesStart).toHaveLength(0);
    expect(packedTokensProblem(wide)).toBeNull();
    expect(packedTokensSchema.safeParse(wide).success).toBe(true);
    const unpacked = unpackTokens(wide);
    expect([unpacked.token[69_999], unpacked.choice[69_999], unpacked.top[69_999]]).toEqual([
      's69999',
      300,
      [['s69999', -1]],
    ]);
    expect(unpacked.bytes).toBeUndefined();
  });

  it('is refused by the contract when inconsistent', () => {
    const good = packColumns(columns);
    expect(packedTokensSchema.safeParse(good).success).toBe(true);
    expect(packedTokensProblem({ ...good, text: Int32Array.of(0, 1, 9, 0) })).toMatch(/not in the table/);
    expect(packedTokensProblem({ ...good, topStart: Int32Array.of(0, 2, 1, 2, 3) })).toMatch(/decrease/);
    expect(packedTokensProblem({ ...good, flags: new Uint8Array(3) })).toMatch(/flags/);
    expect(packedTokensProblem({ ...good, choice: Int32Array.of(0, -1, 0, 1) })).toMatch(/negative/);
    const wrongKind = { ...good, logprob: Array.from(good.logprob) };
    expect(packedTokensSchema.safeParse(wrongKind).success).toBe(false);
  });

  it('fills token stores exactly as the plain columns do (echo rule and UTF-8 bytes included)', () => {
    const echoed: Required<TokenColumns> = {
      ...columns,
      logprob: [0, null, -3.5, -0.125],
      top: [null, null, [], null],
    };
    for (const source of [columns, echoed]) {
      const plain = new ChoiceTokenStores({ echo: true });
      plain.appendColumns(source);
      const packed = new ChoiceTokenStores({ echo: true });
      packed.appendPacked(packColumns(source.choice.length ? source : columns));
      for (const choice of [0, 1]) {
        const a = plain.get(choice);
        const b = packed.get(choice);
        expect(b?.length).toBe(a?.length);
        for (let i = 0; i < (a?.length ?? 0); i++) {
          expect(b?.tokenAt(i)).toBe(a?.tokenAt(i));
          expect(b?.logprobAt(i)).toBe(a?.logprobAt(i));
          expect(b?.topAt(i)).toEqual(a?.topAt(i));
          expect(b?.bytesAt(i)).toEqual(a?.bytesAt(i));
          expect(b?.offsetAt(i)).toBe(a?.offsetAt(i));
        }
      }
    }
    const stores = new ChoiceTokenStores({ echo: true });
    stores.appendPacked(packColumns(echoed));
    expect(stores.get(0)?.logprobAt(0)).toBeNull();
  });
});
