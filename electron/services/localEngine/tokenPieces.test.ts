import { describe, expect, it } from 'vitest';
import { byteLevelBytes, byteTokenText, pieceOfBytes, tokenPiece, type TokenVocabulary } from './tokenPieces';

describe('tokenPiece', () => {
  const spm: TokenVocabulary = {
    texts: ['<unk>', '▁Once', '<0xC3>', '<0x0A>'],
    decode: (tokens, lastTokens) => (tokens[0] === 1 ? (lastTokens.length > 1 ? ' Once' : 'Once') : '\uFFFD'),
  };

  it('spells a byte-fallback token as OpenAI does, or as text when the byte is whole', () => {
    expect(tokenPiece(spm, 2, [])).toEqual({ token: 'bytes:\\xc3', bytes: [0xc3] });
    expect(tokenPiece(spm, 3, [])).toEqual({ token: '\n', bytes: [10] });
  });

  it('decodes an ordinary token in its context', () => {
    expect(tokenPiece(spm, 1, [1])).toEqual({ token: 'Once', bytes: [...new TextEncoder().encode('Once')] });
    expect(tokenPiece(spm, 1, [1, 5]).token).toBe(' Once');
  });

  it('reads a byte-level BPE token through the GPT-2 byte map', () => {
    // 'ðŁ' is how GPT-2 vocabularies write the bytes f0 9f (the start of an emoji).
    const bpe: TokenVocabulary = { texts: ['ðŁ', 'Ġhi'], byteLevel: true, decode: () => '\uFFFD' };
    expect(tokenPiece(bpe, 0, [])).toEqual({ token: 'bytes:\\xf0\\x9f', bytes: [0xf0, 0x9f] });
    expect(byteLevelBytes('Ġhi')).toEqual([0x20, 0x68, 0x69]);
  });
});

describe('pieceOfBytes / byteTokenText', () => {
  it('decodes whole UTF-8 and escapes the rest', () => {
    expect(pieceOfBytes([0xc3, 0xa9]).token).toBe('é');
    expect(pieceOfBytes([0xe2, 0x80]).token).toBe('bytes:\\xe2\\x80');
    expect(byteTokenText([0x0a, 0xff])).toBe('bytes:\\x0a\\xff');
  });
});
