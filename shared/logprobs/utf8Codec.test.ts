import { describe, expect, it } from 'vitest';
import { describeTokenText, formatBytes, parseByteToken, utf8Decode, utf8Encode } from './utf8Codec';

/** Small deterministic PRNG (mulberry32) for the comparison with the platform decoder. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('parseByteToken', () => {
  it("reads OpenAI's textual byte tokens", () => {
    // The JSON "bytes:\\xe2\\x80" decodes to this literal text, backslashes included.
    expect(parseByteToken('bytes:\\xe2\\x80')).toEqual([0xe2, 0x80]);
    expect(parseByteToken('bytes:\\xF0')).toEqual([0xf0]);
  });

  it('leaves ordinary text alone', () => {
    for (const token of ['bytes:', 'bytes: \\xe2', 'bytes:\\xe', 'bytes:\\xzz', ' bytes:\\xe2', 'hello', ''])
      expect(parseByteToken(token)).toBeNull();
  });
});

describe('utf8Encode', () => {
  it('matches TextEncoder, including astral characters and lone surrogates', () => {
    for (const text of ['', 'abc', 'café', '’', '🙂 ok', '\n\t ', 'a\ud83db', '\ude42', '한국어'])
      expect(utf8Encode(text)).toEqual([...new TextEncoder().encode(text)]);
  });
});

describe('utf8Decode', () => {
  it('keeps an incomplete tail pending instead of replacing it', () => {
    expect(utf8Decode([0x61, 0xf0, 0x9f])).toEqual({ text: 'a', pendingBytes: 2, replaced: false });
    expect(utf8Decode([0x61, 0xf0, 0x9f], true)).toEqual({
      text: 'a\ufffd',
      pendingBytes: 0,
      replaced: true,
    });
    expect(utf8Decode([0xf0, 0x9f, 0x99, 0x82])).toEqual({ text: '🙂', pendingBytes: 0, replaced: false });
  });

  it('does not count a U+FFFD spelled by valid bytes as a replacement', () => {
    expect(utf8Decode([0xef, 0xbf, 0xbd])).toEqual({ text: '\ufffd', pendingBytes: 0, replaced: false });
  });

  it('does not wait on a lead byte whose next byte cannot follow it', () => {
    // E0 needs A0..BF next; 0x80 makes the sequence invalid at once.
    expect(utf8Decode([0xe0, 0x80])).toEqual({ text: '\ufffd\ufffd', pendingBytes: 0, replaced: true });
  });

  it('replaces invalid bytes exactly like the platform TextDecoder (2000 random byte strings)', () => {
    const next = random(42);
    const interesting = [
      0x00, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f,
      0x90, 0x8f,
    ];
    const decoder = new TextDecoder();
    for (let round = 0; round < 2000; round++) {
      const length = Math.floor(next() * 12);
      const bytes = Array.from({ length }, () =>
        next() < 0.7 ? (interesting[Math.floor(next() * interesting.length)] ?? 0) : Math.floor(next() * 256),
      );
      const expected = decoder.decode(new Uint8Array(bytes));
      expect(utf8Decode(bytes, true).text, formatBytes(bytes)).toBe(expected);
      // Unflushed: the same text minus the replacement for a pending tail.
      const partial = utf8Decode(bytes);
      expect(partial.text + (partial.pendingBytes > 0 ? '\ufffd' : '')).toBe(expected);
    }
  });

  it('decodes long input in chunks', () => {
    const text = 'é🙂x'.repeat(5000);
    expect(utf8Decode(utf8Encode(text)).text).toBe(text);
  });
});

describe('describeTokenText', () => {
  it('decodes byte tokens that form whole characters and shows partial ones as hex', () => {
    expect(describeTokenText('bytes:\\xe2\\x80\\x99')).toEqual({ text: '’', partial: false });
    expect(describeTokenText('bytes:\\xe2\\x80')).toEqual({ text: '\\xE2\\x80', partial: true });
    expect(describeTokenText('\\xf0\\x9f', [240, 159])).toEqual({ text: '\\xF0\\x9F', partial: true });
    expect(describeTokenText(' I', [32, 73])).toEqual({ text: ' I', partial: false });
    expect(describeTokenText(' the')).toEqual({ text: ' the', partial: false });
  });
});
