import { describe, expect, it } from 'vitest';
import { StreamingDetokenizer, type DecodeTokens } from './detokenizer';

/** A byte-level fake: token = one byte; like SentencePiece, a leading space is dropped at the start. */
const decodeBytes: DecodeTokens = (tokens, lastTokens) => {
  const text = new TextDecoder().decode(Uint8Array.from(tokens));
  return lastTokens.length === 0 ? text.replace(/^ /, '') : text;
};

function pieces(text: string, context: number[] = [1]): Array<string | null> {
  const detokenizer = new StreamingDetokenizer(decodeBytes, context);
  const out = [...new TextEncoder().encode(text)].map((byte) => detokenizer.push(byte));
  out.push(detokenizer.flush());
  return out;
}

describe('StreamingDetokenizer', () => {
  it('holds the bytes of a multi-byte character until it is complete', () => {
    const out = pieces('a🙂é');
    expect(out).toEqual(['a', null, null, null, '🙂', null, 'é', null]);
    expect(out.join('')).toBe('a🙂é');
    expect(out.join('')).not.toContain('\uFFFD');
  });

  it('passes the tokens before as context (a leading space survives after the prompt)', () => {
    expect(pieces(' x', [1]).join('')).toBe(' x');
    expect(pieces(' x', []).join('')).toBe('x');
  });

  it('gives up after 4 held tokens and flushes an incomplete tail as U+FFFD', () => {
    const detokenizer = new StreamingDetokenizer(decodeBytes, [1]);
    expect([0xff, 0xff, 0xff].map((byte) => detokenizer.push(byte))).toEqual([null, null, null]);
    expect(detokenizer.push(0xff)).toBe('\uFFFD'.repeat(4));
    expect(detokenizer.push(0xe2)).toBeNull();
    expect(detokenizer.held).toBe(1);
    expect(detokenizer.flush()).toBe('\uFFFD');
    expect(detokenizer.flush()).toBeNull();
  });

  it('lists the last tokens, held ones included', () => {
    const detokenizer = new StreamingDetokenizer(decodeBytes, [1, 2]);
    detokenizer.push(0xe2);
    expect(detokenizer.lastTokens()).toEqual([1, 2, 0xe2]);
  });
});
