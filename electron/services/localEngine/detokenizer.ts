/** Decodes tokens to text, given the tokens before them (SentencePiece drops a leading space at the start). */
export type DecodeTokens = (tokens: readonly number[], lastTokens: readonly number[]) => string;

const REPLACEMENT = '\uFFFD';
/** A UTF-8 character has at most 4 bytes, so at most 4 byte tokens are ever held. */
const MAX_HELD = 4;
/** How many earlier tokens are given to the decoder as context. */
const CONTEXT_TOKENS = 16;

/**
 * Turns a token stream into text pieces without ever splitting a multi-byte character into U+FFFD:
 * while the decoded pending tokens end in U+FFFD (an incomplete character), they are held and `push`
 * returns null; the token that completes the character returns the whole piece. The returned pieces
 * concatenate exactly to the decoded text.
 */
export class StreamingDetokenizer {
  private readonly context: number[];
  private pending: number[] = [];

  constructor(
    private readonly decode: DecodeTokens,
    /** Tokens already in the sequence (BOS, the prompt): they set the context of the first piece. */
    context: readonly number[] = [],
  ) {
    this.context = context.slice(-CONTEXT_TOKENS);
  }

  /** Tokens held back so far (their piece is not known yet). */
  get held(): number {
    return this.pending.length;
  }

  /** The tokens before the next one, for decoding its piece on its own. */
  lastTokens(): number[] {
    return [...this.context, ...this.pending].slice(-CONTEXT_TOKENS);
  }

  /** The piece completed by `token` (covering any held tokens), or null while it is held. */
  push(token: number): string | null {
    this.pending.push(token);
    const piece = this.decode(this.pending, this.context);
    if (piece.endsWith(REPLACEMENT) && this.pending.length < MAX_HELD) return null;
    return this.release(piece);
  }

  /** At the end: the piece of the held tokens (U+FFFD for bytes that never completed), or null. */
  flush(): string | null {
    if (this.pending.length === 0) return null;
    return this.release(this.decode(this.pending, this.context));
  }

  private release(piece: string): string {
    this.context.push(...this.pending);
    this.context.splice(0, Math.max(0, this.context.length - CONTEXT_TOKENS));
    this.pending = [];
    return piece;
  }
}
