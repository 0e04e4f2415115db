import { describe, expect, it } from 'vitest';
import { portableBase64 } from './base64';
import { parseWire, stringifyWire } from './wireJson';

describe('base64', () => {
  it('matches Node for every length and byte value', () => {
    for (let length = 0; length < 70; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length * 11) & 255);
      const text = portableBase64.encode(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(Array.from(portableBase64.decode(text))).toEqual(Array.from(bytes));
    }
    const big = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) & 255);
    expect(portableBase64.encode(big)).toBe(Buffer.from(big).toString('base64'));
  });

  it('refuses text that is not base64', () => {
    expect(() => portableBase64.decode('abc')).toThrow(/multiple of 4/);
    expect(() => portableBase64.decode('ab!d')).toThrow(/unexpected character/);
  });
});

describe('wire JSON', () => {
  it('carries typed arrays exactly, NaN and signed zeros included, and everything else as JSON', () => {
    const value = {
      name: 'run.batch',
      nested: [{ logprob: Float64Array.of(-0.25, NaN, -1e-300, -0), ids: Int32Array.of(-1, 0, 2 ** 31 - 1) }],
      top: Float32Array.of(-1.5, -7.25),
      bytes: Uint8Array.of(0, 255, 226),
      plain: [1, 'two', null, { three: true }],
    };
    const back = parseWire(stringifyWire(value)) as typeof value;
    expect(back.nested[0]?.logprob).toBeInstanceOf(Float64Array);
    expect(Array.from(back.nested[0]?.logprob ?? [])).toEqual([-0.25, NaN, -1e-300, -0]);
    expect(Object.is(back.nested[0]?.logprob[3], -0)).toBe(true);
    expect(Array.from(back.nested[0]?.ids ?? [])).toEqual([-1, 0, 2 ** 31 - 1]);
    expect(back.top).toBeInstanceOf(Float32Array);
    expect(Array.from(back.bytes)).toEqual([0, 255, 226]);
    expect(back.plain).toEqual(value.plain);
  });

  it('encodes a view of a larger buffer as just the view', () => {
    const whole = Float64Array.of(1, 2, 3, 4);
    const back = parseWire(stringifyWire({ part: whole.subarray(1, 3) })) as { part: Float64Array };
    expect(Array.from(back.part)).toEqual([2, 3]);
  });

  it('leaves look-alike objects alone unless they are exactly the tag and its data', () => {
    const text = JSON.stringify({
      a: { $typed: 'Float64Array', data: 'AAAAAAAA8D8=', extra: 1 },
      b: { $typed: 'Map', data: '' },
    });
    expect(parseWire(text)).toEqual(JSON.parse(text));
    expect(() => parseWire(JSON.stringify({ $typed: 'Float64Array', data: 'AAAA' }))).toThrow(/whole number/);
    expect(() => parseWire('{"broken"')).toThrow(SyntaxError);
  });
});
