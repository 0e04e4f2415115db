/**
 * A choice's text as closed chunks plus an open tail. Closed chunks never change, so the view can
 * memoise them and re-render only the tail; each chunk is its own block (`contain: content`), which
 * keeps appending cheap however long the text gets.
 */
export interface ChunkedText {
  readonly chunks: readonly string[];
  readonly tail: string;
}

export const CHUNK_TARGET = 2000;
/** A tail without any newline is split anyway once it reaches this length. */
export const CHUNK_MAX = CHUNK_TARGET * 2;
const MIN_NEWLINE_CUT = CHUNK_TARGET / 4;

export const emptyText: ChunkedText = { chunks: [], tail: '' };

/**
 * Where to close the tail, or -1 to wait for more text. Chunks end right after a newline when one is
 * near the target (a block boundary there looks exactly like the newline); otherwise, past
 * CHUNK_MAX, after the last space before the target, or at the target without splitting a
 * surrogate pair.
 */
export function findChunkCut(tail: string): number {
  if (tail.length < CHUNK_TARGET) return -1;
  const before = tail.lastIndexOf('\n', CHUNK_TARGET - 1);
  if (before + 1 >= MIN_NEWLINE_CUT) return before + 1;
  const after = tail.indexOf('\n', CHUNK_TARGET);
  if (after !== -1 && after + 1 <= CHUNK_MAX) return after + 1;
  if (tail.length < CHUNK_MAX) return -1;
  if (before !== -1) return before + 1;
  const space = Math.max(tail.lastIndexOf(' ', CHUNK_TARGET - 1), tail.lastIndexOf('\t', CHUNK_TARGET - 1));
  if (space + 1 >= CHUNK_TARGET / 2) return space + 1;
  const code = tail.charCodeAt(CHUNK_TARGET - 1);
  const isHighSurrogate = code >= 0xd800 && code <= 0xdbff;
  return isHighSurrogate ? CHUNK_TARGET - 1 : CHUNK_TARGET;
}

/** Appends `delta`, closing chunks as needed; unchanged chunk arrays keep their identity. */
export function appendText(text: ChunkedText, delta: string): ChunkedText {
  if (delta === '') return text;
  let tail = text.tail + delta;
  let closed: string[] | null = null;
  for (let cut = findChunkCut(tail); cut > 0; cut = findChunkCut(tail)) {
    (closed ??= []).push(tail.slice(0, cut));
    tail = tail.slice(cut);
  }
  return { chunks: closed ? [...text.chunks, ...closed] : text.chunks, tail };
}

export function fullText(text: ChunkedText): string {
  return text.chunks.join('') + text.tail;
}
