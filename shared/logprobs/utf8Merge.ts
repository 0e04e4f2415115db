import type { TokenSource } from './tokenStore';
import { parseByteToken, utf8Decode, utf8Encode } from './utf8Codec';

/**
 * Turns tokens into display spans without mojibake. A token that is only part of a multi-byte UTF-8
 * character (OpenAI's `bytes:\xe2\x80` tokens, or `content[]` tokens whose `bytes` end mid-character)
 * is merged with the following tokens until their bytes together end on a character boundary; the
 * merged span lists its member tokens as a consecutive range `first .. first + count - 1`.
 *
 * Bytes of a token, in order of preference: its `bytes` array (content[] shape), the bytes a
 * `bytes:\xNN` token spells, else the UTF-8 encoding of its text. Text offsets are not used: they are
 * clamped past a stop sequence (all equal) and count characters, not bytes.
 *
 * Colouring a merged span (see `spanLogprob`): the joint probability of its tokens, i.e. the sum of
 * their logprobs — the probability that the model produced that whole character.
 */
export interface DisplaySpan {
  /** The text to show, whitespace and newlines exactly as produced. */
  text: string;
  /** Index of the first member token. */
  first: number;
  /** Number of member tokens (1 unless tokens were merged). */
  count: number;
  /** False when the bytes were not valid UTF-8 and `text` contains U+FFFD for them. */
  valid: boolean;
}

/**
 * Incremental merger: push tokens in order; a push returns the span it completed, or null while the
 * bytes so far end inside a character (the tail stays pending). `finish()` flushes a pending tail at
 * the end of the stream, with U+FFFD for the bytes that never completed.
 */
export class Utf8SpanMerger {
  private pending: number[] = [];
  private pendingFirst = 0;
  private pendingCount = 0;
  private next = 0;

  /** Tokens pushed so far. */
  get tokenCount(): number {
    return this.next;
  }

  /** Tokens held back because they end inside a character. */
  get pendingTokens(): number {
    return this.pendingCount;
  }

  push(token: string, bytes: readonly number[] | null = null): DisplaySpan | null {
    const index = this.next++;
    const raw = bytes ?? parseByteToken(token);
    if (this.pendingCount === 0 && raw === null) {
      // Plain text on a character boundary: a JS string always encodes to whole characters.
      return { text: token, first: index, count: 1, valid: true };
    }
    if (this.pendingCount === 0) this.pendingFirst = index;
    this.pendingCount++;
    if (raw) for (const byte of raw) this.pending.push(byte & 0xff);
    else utf8Encode(token, this.pending);
    const decoded = utf8Decode(this.pending);
    if (decoded.pendingBytes > 0) return null;
    return this.take(decoded.text, !decoded.replaced);
  }

  /** Ends the stream: the pending tail, if any, as a span with U+FFFD for its incomplete bytes. */
  finish(): DisplaySpan | null {
    if (this.pendingCount === 0) return null;
    const decoded = utf8Decode(this.pending, true);
    return this.take(decoded.text, !decoded.replaced);
  }

  private take(text: string, valid: boolean): DisplaySpan {
    const span = { text, first: this.pendingFirst, count: this.pendingCount, valid };
    this.pending = [];
    this.pendingCount = 0;
    return span;
  }
}

/** All spans of a finished token sequence. */
export function mergeTokens(
  tokens: Iterable<{ token: string; bytes?: readonly number[] | null }>,
): DisplaySpan[] {
  const merger = new Utf8SpanMerger();
  const spans: DisplaySpan[] = [];
  for (const { token, bytes } of tokens) {
    const span = merger.push(token, bytes ?? null);
    if (span) spans.push(span);
  }
  const tail = merger.finish();
  if (tail) spans.push(tail);
  return spans;
}

/**
 * The display spans of one choice's TokenStore, kept column-wise and brought up to date with `sync()`
 * while the stream grows; `finish()` once the stream has ended.
 */
export class DisplaySpanList {
  private readonly merger = new Utf8SpanMerger();
  private firsts = new Int32Array(64);
  private readonly texts: string[] = [];
  private readonly invalid = new Set<number>();
  private finished = false;

  constructor(private readonly source: TokenSource) {}

  /** Number of spans ready for display. */
  get length(): number {
    return this.texts.length;
  }

  /** Tokens at the end that are held back until their character completes. */
  get pendingTokens(): number {
    return this.merger.pendingTokens;
  }

  /** Consumes the tokens added to the source since the last call. Returns how many spans were added. */
  sync(): number {
    const before = this.texts.length;
    for (let index = this.merger.tokenCount; index < this.source.length; index++) {
      const span = this.merger.push(this.source.tokenAt(index), this.source.bytesAt(index));
      if (span) this.add(span);
    }
    return this.texts.length - before;
  }

  /** Syncs, then flushes the pending tail (the stream has ended). Further tokens are not expected. */
  finish(): number {
    const added = this.sync();
    if (this.finished) return added;
    this.finished = true;
    const tail = this.merger.finish();
    if (tail) this.add(tail);
    return added + (tail ? 1 : 0);
  }

  textAt(span: number): string {
    const text = this.texts[span];
    if (text === undefined) throw new RangeError(`span ${span} out of range`);
    return text;
  }

  firstTokenAt(span: number): number {
    this.textAt(span);
    return this.firsts[span] ?? 0;
  }

  tokenCountAt(span: number): number {
    const first = this.firstTokenAt(span);
    // The last span ends where the pending tokens (not shown yet) begin.
    const end =
      span + 1 < this.texts.length
        ? (this.firsts[span + 1] ?? 0)
        : this.merger.tokenCount - this.merger.pendingTokens;
    return end - first;
  }

  validAt(span: number): boolean {
    this.textAt(span);
    return !this.invalid.has(span);
  }

  /** The span holding a token, by binary search (e.g. to highlight the span of an inspected token). */
  spanOfToken(token: number): number | null {
    let [low, high] = [0, this.texts.length - 1];
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((this.firsts[middle] ?? 0) <= token) low = middle + 1;
      else high = middle - 1;
    }
    if (high < 0) return null;
    return token < this.firstTokenAt(high) + this.tokenCountAt(high) ? high : null;
  }

  private add(span: DisplaySpan): void {
    const at = this.texts.length;
    if (at >= this.firsts.length) {
      const grown = new Int32Array(Math.ceil(this.firsts.length * 1.5));
      grown.set(this.firsts);
      this.firsts = grown;
    }
    this.firsts[at] = span.first;
    this.texts.push(span.text);
    if (!span.valid) this.invalid.add(at);
  }
}

/**
 * Joint logprob of a span's tokens (sum of logprobs = log of the product of probabilities), null when
 * any member has no logprob.
 */
export function spanLogprob(source: TokenSource, first: number, count: number): number | null {
  let sum = 0;
  for (let index = first; index < first + count; index++) {
    const logprob = source.logprobAt(index);
    if (logprob === null) return null;
    sum += logprob;
  }
  return sum;
}
