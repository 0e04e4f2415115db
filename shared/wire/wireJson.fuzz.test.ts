// Fuzz tests of the WebSocket wire JSON (typed arrays as `{"$typed": kind, "data": base64}`): random
// values round-trip exactly; damaged tags, bad base64 and prototype keys either parse to plain data or
// throw an Error that says what is wrong, and never touch Object.prototype.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { portableBase64 } from './base64';
import { parseWire, stringifyWire, TYPED_TAG } from './wireJson';

const OPTIONS = { numRuns: 400, interruptAfterTimeLimit: 3000 };
const KINDS = ['Int32Array', 'Uint16Array', 'Uint8Array', 'Float32Array', 'Float64Array'] as const;
const ELEMENT_BYTES: Record<string, number> = {
  Int32Array: 4,
  Uint16Array: 2,
  Uint8Array: 1,
  Float32Array: 4,
  Float64Array: 8,
};

const typedArray = fc.oneof(
  fc.int32Array({ maxLength: 40 }),
  fc.uint16Array({ maxLength: 40 }),
  fc.uint8Array({ maxLength: 40 }),
  fc.float32Array({ maxLength: 40 }),
  fc.float64Array({ maxLength: 40 }),
  // A view into a bigger buffer (byteOffset ≠ 0), as packed token columns are.
  fc
    .tuple(fc.float64Array({ minLength: 2, maxLength: 20 }), fc.nat())
    .map(([whole, start]) => whole.subarray(start % whole.length)),
);

const wireValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }),
    typedArray,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Text that may or may not be base64 (right alphabet, wrong length, wrong characters, padding inside). */
const maybeBase64 = fc.oneof(
  fc.uint8Array({ maxLength: 30 }).map((bytes) => portableBase64.encode(bytes)),
  fc.string({ maxLength: 20 }),
  fc.stringMatching(/^[A-Za-z0-9+/=]{0,16}$/),
  fc.constantFrom('', '=', '==', '====', 'A===', 'AA=A', 'AAAA====', 'QUJD\n', ' QUJD', 'é', '\u0000AAA'),
);

const tag = fc.record(
  {
    [TYPED_TAG]: fc.oneof(
      fc.constantFrom(...KINDS),
      fc.constantFrom('BigInt64Array', 'DataView', 'Array', '__proto__', 'constructor', ''),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    data: fc.oneof(maybeBase64, fc.jsonValue({ maxDepth: 1 })),
    extra: fc.jsonValue({ maxDepth: 1 }),
  },
  { requiredKeys: [TYPED_TAG] },
);

/** JSON text with tags at random places, under ordinary or prototype-pollution keys. */
const taggedText = fc
  .array(
    fc.tuple(fc.constantFrom('a', 'tokens', '__proto__', 'constructor', 'prototype', TYPED_TAG, 'data'), tag),
    {
      maxLength: 4,
    },
  )
  .map((entries) => {
    const fields = entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
    const list = `"list":[${entries.map(([, value]) => JSON.stringify(value)).join(',')}]`;
    return `{${[...fields, list].join(',')}}`;
  });

/** Whether `value` is a tag parseWire turns into a typed array (its exact rule). */
const isLiveTag = (value: unknown): value is { $typed: string; data: string } =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  KINDS.includes((value as Record<string, unknown>)[TYPED_TAG] as (typeof KINDS)[number]) &&
  typeof (value as Record<string, unknown>).data === 'string' &&
  Object.keys(value).length === 2;

describe('wire JSON under fuzz', () => {
  it('any value with typed arrays anywhere comes back exactly', () => {
    fc.assert(
      fc.property(wireValue, (value) => {
        expect(snapshot(parseWire(stringifyWire(value)))).toStrictEqual(snapshot(value));
      }),
      OPTIONS,
    );
  });

  it('damaged tags: plain data, or an Error that says what is wrong; Object.prototype untouched', () => {
    fc.assert(
      fc.property(taggedText, (text) => {
        const tags = (JSON.parse(text) as { list: unknown[] }).list;
        let parsed: unknown;
        try {
          parsed = parseWire(text);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect(error).not.toBeInstanceOf(TypeError);
          expect(error).not.toBeInstanceOf(RangeError);
          const message = (error as Error).message;
          expect(message).toMatch(
            new RegExp(
              `^(Not base64: (length is not a multiple of 4|unexpected character at \\d+)|(${KINDS.join('|')}) data is not a whole number of elements)$`,
            ),
          );
          // Only a live tag with bad data can throw.
          expect(tags.some(isLiveTag)).toBe(true);
          return;
        }
        const list = (parsed as { list: unknown[] }).list;
        tags.forEach((original, i) => {
          if (isLiveTag(original)) {
            const revived = list[i];
            expect(Object.prototype.toString.call(revived)).toBe(`[object ${original.$typed}]`);
            expect((revived as Uint8Array).byteLength % (ELEMENT_BYTES[original.$typed] ?? 1)).toBe(0);
          } else {
            expect(list[i]).toEqual(original);
          }
        });
        expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(({} as Record<string, unknown>)[TYPED_TAG]).toBeUndefined();
      }),
      OPTIONS,
    );
  });

  it('random text: JSON.parse’s own SyntaxError, or a value', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 80 }),
          fc.string({ maxLength: 40 }).map((s) => `{"$typed":${s}`),
        ),
        (text) => {
          try {
            parseWire(text);
          } catch (error) {
            expect(
              error instanceof SyntaxError ||
                /^Not base64|whole number of elements/.test((error as Error).message),
            ).toBe(true);
          }
        },
      ),
      OPTIONS,
    );
  });

  it('a large column (4 MB of Float64) decodes in one go', () => {
    const big = Float64Array.from({ length: 512 * 1024 }, (_v, i) => -i / 7);
    const back = parseWire(stringifyWire({ big })) as { big: Float64Array };
    expect(back.big).toBeInstanceOf(Float64Array);
    // Byte for byte (a plain comparison: toStrictEqual walks 512k elements slowly).
    expect(
      Buffer.from(back.big.buffer, back.big.byteOffset, back.big.byteLength).equals(Buffer.from(big.buffer)),
    ).toBe(true);
  });
});

/** Typed arrays as [kind, elements] (NaN and -0 kept), everything else as JSON reads it back. */
function snapshot(value: unknown): unknown {
  if (ArrayBuffer.isView(value))
    return [Object.prototype.toString.call(value), Array.from(value as unknown as ArrayLike<number>)];
  if (Array.isArray(value)) return value.map(snapshot);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, snapshot(v)]));
  return JSON.parse(JSON.stringify(value ?? null)) as unknown;
}
