/**
 * Small, environment-free UTF-8 helpers for token display: encoding, a decoder that never throws
 * (invalid input becomes U+FFFD exactly as the WHATWG `TextDecoder` does, one per maximal invalid
 * subpart) and that reports an incomplete trailing sequence instead of replacing it, and the reader for
 * OpenAI's textual byte-fallback tokens (`bytes:\xe2\x80`).
 */

const REPLACEMENT = 0xfffd;

/** A token that spells raw bytes, as OpenAI's legacy API sends them: the literal text `bytes:\xe2\x80`. */
const BYTE_TOKEN = /^bytes:((?:\\x[0-9a-fA-F]{2})+)$/;

/** The bytes a `bytes:\xNN...` token spells, or null when the token is ordinary text. */
export function parseByteToken(token: string): number[] | null {
  const match = BYTE_TOKEN.exec(token);
  if (!match?.[1]) return null;
  const hex = match[1];
  const bytes: number[] = [];
  for (let at = 0; at < hex.length; at += 4) bytes.push(parseInt(hex.slice(at + 2, at + 4), 16));
  return bytes;
}

/** UTF-8 bytes of a string; a lone surrogate encodes as U+FFFD (as TextEncoder does). */
export function utf8Encode(text: string, into: number[] = []): number[] {
  for (let at = 0; at < text.length; at++) {
    let code = text.charCodeAt(at);
    if (code >= 0xd800 && code <= 0xdbff) {
      const low = at + 1 < text.length ? text.charCodeAt(at + 1) : 0;
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        at++;
      } else code = REPLACEMENT;
    } else if (code >= 0xdc00 && code <= 0xdfff) code = REPLACEMENT;
    if (code < 0x80) into.push(code);
    else if (code < 0x800) into.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000)
      into.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else
      into.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 0x3f),
        0x80 | ((code >> 6) & 0x3f),
        0x80 | (code & 0x3f),
      );
  }
  return into;
}

export interface Utf8DecodeResult {
  /** The decoded text, without the incomplete tail (when `flush` is false). */
  text: string;
  /** How many bytes at the end start a character that is not complete yet (0 when flushed). */
  pendingBytes: number;
  /** Whether any U+FFFD was produced for invalid bytes (a U+FFFD spelled by valid bytes does not count). */
  replaced: boolean;
}

/**
 * Decodes UTF-8 without ever throwing. Invalid bytes become U+FFFD (WHATWG rules). A trailing sequence
 * that is valid so far but incomplete is left out and counted in `pendingBytes`, unless `flush` is set,
 * in which case it becomes one U+FFFD.
 */
export function utf8Decode(bytes: ArrayLike<number>, flush = false): Utf8DecodeResult {
  const units: number[] = [];
  let text = '';
  let replaced = false;
  let needed = 0;
  let seen = 0;
  let code = 0;
  let lower = 0x80;
  let upper = 0xbf;
  const emit = (point: number, invalid = false): void => {
    if (invalid) replaced = true;
    units.push(point);
    if (units.length >= 4096) {
      text += String.fromCodePoint(...units);
      units.length = 0;
    }
  };
  for (let at = 0; at < bytes.length; at++) {
    const byte = (bytes[at] ?? 0) & 0xff;
    if (needed === 0) {
      if (byte <= 0x7f) emit(byte);
      else if (byte >= 0xc2 && byte <= 0xdf) [needed, code] = [1, byte & 0x1f];
      else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) lower = 0xa0;
        if (byte === 0xed) upper = 0x9f;
        [needed, code] = [2, byte & 0x0f];
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) lower = 0x90;
        if (byte === 0xf4) upper = 0x8f;
        [needed, code] = [3, byte & 0x07];
      } else emit(REPLACEMENT, true);
      continue;
    }
    if (byte < lower || byte > upper) {
      [needed, seen, code, lower, upper] = [0, 0, 0, 0x80, 0xbf];
      emit(REPLACEMENT, true);
      at--; // the byte starts over as a new sequence
      continue;
    }
    [lower, upper] = [0x80, 0xbf];
    code = (code << 6) | (byte & 0x3f);
    seen++;
    if (seen === needed) {
      const point = code;
      [needed, seen, code] = [0, 0, 0];
      emit(point);
    }
  }
  let pendingBytes = needed === 0 ? 0 : seen + 1;
  if (pendingBytes > 0 && flush) {
    [needed, seen] = [0, 0];
    emit(REPLACEMENT, true);
    pendingBytes = 0;
  }
  if (units.length > 0) text += String.fromCodePoint(...units);
  return { text, pendingBytes, replaced };
}

/** Bytes as `\xE2\x80`, for showing a byte token that does not form a character on its own. */
export function formatBytes(bytes: ArrayLike<number>): string {
  let out = '';
  for (let at = 0; at < bytes.length; at++)
    out += `\\x${((bytes[at] ?? 0) & 0xff).toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

/**
 * What a token looks like on its own: a byte token or `bytes` array that forms whole characters is
 * decoded; one that does not (part of a character) is shown as `\xE2\x80`. Ordinary text is returned
 * unchanged. `partial` tells the caller the token is only part of a character.
 */
export function describeTokenText(
  token: string,
  bytes: ArrayLike<number> | null = null,
): { text: string; partial: boolean } {
  const raw = bytes ?? parseByteToken(token);
  if (!raw || raw.length === 0) return { text: token, partial: false };
  const decoded = utf8Decode(raw);
  if (decoded.pendingBytes === 0 && !decoded.replaced) return { text: decoded.text, partial: false };
  return { text: formatBytes(raw), partial: true };
}
