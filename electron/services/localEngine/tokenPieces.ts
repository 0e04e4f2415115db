import type { DecodeTokens } from './detokenizer';

/** How a token is shown in logprobs: OpenAI's token string and its UTF-8 bytes. */
export interface TokenPiece {
  /** The piece, or `bytes:\xNN…` (OpenAI's spelling) when its bytes are not whole UTF-8. */
  token: string;
  bytes: number[];
}

export interface TokenVocabulary {
  decode: DecodeTokens;
  /** The GGUF vocabulary (`tokenizer.ggml.tokens`), when known. */
  texts?: readonly string[];
  /** True for GPT-2 style byte-level BPE vocabularies (`tokenizer.ggml.model` "gpt2"). */
  byteLevel?: boolean;
}

const BYTE_TOKEN = /^<0x([0-9A-Fa-f]{2})>$/;
const REPLACEMENT = '\uFFFD';
const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/**
 * The piece of one token, decoded after `lastTokens`. A SentencePiece byte-fallback token (`<0xE2>`)
 * gives its byte; a byte-level BPE token whose piece is not whole UTF-8 gives its bytes through the
 * GPT-2 byte map; anything else, the UTF-8 of its decoded piece.
 */
export function tokenPiece(
  vocabulary: TokenVocabulary,
  id: number,
  lastTokens: readonly number[],
): TokenPiece {
  const text = vocabulary.texts?.[id];
  const byte = text === undefined ? null : BYTE_TOKEN.exec(text);
  if (byte?.[1]) return pieceOfBytes([parseInt(byte[1], 16)]);
  const piece = vocabulary.decode([id], lastTokens);
  if (piece.includes(REPLACEMENT) && vocabulary.byteLevel && text !== undefined) {
    return pieceOfBytes(byteLevelBytes(text));
  }
  return { token: piece, bytes: [...encoder.encode(piece)] };
}

export function pieceOfBytes(bytes: number[]): TokenPiece {
  try {
    return { token: strictDecoder.decode(Uint8Array.from(bytes)), bytes };
  } catch {
    return { token: byteTokenText(bytes), bytes };
  }
}

/** OpenAI's textual byte token: the literal text `bytes:\xe2\x80`. */
export function byteTokenText(bytes: readonly number[]): string {
  return 'bytes:' + bytes.map((byte) => '\\x' + byte.toString(16).padStart(2, '0')).join('');
}

let byteLevelMap: Map<string, number> | undefined;

/** GPT-2's bytes_to_unicode, reversed: the printable character each byte is written as → the byte. */
function byteLevelDecoder(): Map<string, number> {
  if (byteLevelMap) return byteLevelMap;
  const map = new Map<string, number>();
  let shifted = 0;
  for (let byte = 0; byte < 256; byte++) {
    const printable = (byte >= 0x21 && byte <= 0x7e) || (byte >= 0xa1 && byte <= 0xac) || byte >= 0xae;
    map.set(String.fromCodePoint(printable ? byte : 256 + shifted++), byte);
  }
  byteLevelMap = map;
  return map;
}

/** The bytes a byte-level BPE vocabulary entry spells (a character outside the map as its UTF-8). */
export function byteLevelBytes(text: string): number[] {
  const map = byteLevelDecoder();
  const bytes: number[] = [];
  for (const character of text) {
    const byte = map.get(character);
    if (byte !== undefined) bytes.push(byte);
    else bytes.push(...encoder.encode(character));
  }
  return bytes;
}
