/** Base64 (RFC 4648, with padding) for byte arrays, in plain JavaScript: works in every environment. */
export interface Base64Codec {
  encode(bytes: Uint8Array): string;
  /** Throws on text that is not base64. */
  decode(text: string): Uint8Array;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Int16Array(128).fill(-1);
for (let index = 0; index < ALPHABET.length; index++) VALUES[ALPHABET.charCodeAt(index)] = index;

/** Characters per `String.fromCharCode` call (well under engines' argument limits). */
const PIECE = 8192;

function encode(bytes: Uint8Array): string {
  const codes = new Uint16Array(Math.ceil(bytes.length / 3) * 4);
  let out = 0;
  let index = 0;
  for (; index + 2 < bytes.length; index += 3) {
    const triple = ((bytes[index] ?? 0) << 16) | ((bytes[index + 1] ?? 0) << 8) | (bytes[index + 2] ?? 0);
    codes[out++] = ALPHABET.charCodeAt(triple >> 18);
    codes[out++] = ALPHABET.charCodeAt((triple >> 12) & 63);
    codes[out++] = ALPHABET.charCodeAt((triple >> 6) & 63);
    codes[out++] = ALPHABET.charCodeAt(triple & 63);
  }
  const rest = bytes.length - index;
  if (rest > 0) {
    const triple = ((bytes[index] ?? 0) << 16) | (rest === 2 ? (bytes[index + 1] ?? 0) << 8 : 0);
    codes[out++] = ALPHABET.charCodeAt(triple >> 18);
    codes[out++] = ALPHABET.charCodeAt((triple >> 12) & 63);
    codes[out++] = rest === 2 ? ALPHABET.charCodeAt((triple >> 6) & 63) : 61;
    codes[out++] = 61;
  }
  let text = '';
  for (let start = 0; start < codes.length; start += PIECE)
    text += String.fromCharCode(...codes.subarray(start, start + PIECE));
  return text;
}

function valueAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  const value = code < 128 ? (VALUES[code] ?? -1) : -1;
  if (value < 0) throw new Error(`Not base64: unexpected character at ${index}`);
  return value;
}

function decode(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new Error('Not base64: length is not a multiple of 4');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let index = 0; index < text.length; index += 4) {
    const last = index + 4 === text.length;
    const third = last && padding === 2 ? 0 : valueAt(text, index + 2);
    const fourth = last && padding >= 1 ? 0 : valueAt(text, index + 3);
    const quad = (valueAt(text, index) << 18) | (valueAt(text, index + 1) << 12) | (third << 6) | fourth;
    bytes[out++] = quad >> 16;
    if (out < bytes.length) bytes[out++] = (quad >> 8) & 255;
    if (out < bytes.length) bytes[out++] = quad & 255;
  }
  return bytes;
}

export const portableBase64: Base64Codec = { encode, decode };
