import type { CompletionParams } from '@shared/contracts/params';
import {
  isLowConfidence,
  spanBucket,
  type HeatmapMode,
  type ScaleOptions,
} from '@shared/logprobs/heatmapScale';
import type { TokenSource } from '@shared/logprobs/tokenStore';
import { spanLogprob, type DisplaySpanList } from '@shared/logprobs/utf8Merge';

/** Spans per rendered block: closed blocks never re-render; only the last one grows. */
export const BLOCK_SIZE = 512;

/** What one display span renders as. */
export interface SpanView {
  text: string;
  /** Index of its first token. */
  first: number;
  /** The span's (joint) logprob as text; "" when it has none (the first echoed prompt token). */
  logprob: string;
  className: string;
}

/** The colour scale's k: alternatives asked for (at least 1). */
export function scaleFor(params: Pick<CompletionParams, 'logprobs'>): ScaleOptions {
  return { k: Math.max(1, params.logprobs ?? 1) };
}

export function spanView(
  source: TokenSource,
  spans: DisplaySpanList,
  span: number,
  mode: HeatmapMode,
  scale: ScaleOptions,
): SpanView {
  const first = spans.firstTokenAt(span);
  const count = Math.max(1, spans.tokenCountAt(span));
  const logprob = spanLogprob(source, first, count);
  const bucket = spanBucket(source, first, count, mode, scale);
  const low = isLowConfidence(source, first, count);
  return {
    text: spans.textAt(span),
    first,
    logprob: logprob === null ? '' : String(logprob),
    className: `tok ${bucket === null ? 'hn' : `h${bucket}`}${low ? ' low' : ''}`,
  };
}

/** Blocks needed for `spanCount` spans. */
export function blockCount(spanCount: number): number {
  return Math.ceil(spanCount / BLOCK_SIZE);
}

/** A block is closed early only after a newline (a block boundary there looks like the newline). */
export const BLOCK_MAX = BLOCK_SIZE * 4;

/**
 * Where blocks start, growing with the span list: a block closes after the first span ending in a
 * newline once it holds BLOCK_SIZE spans, or at BLOCK_MAX spans regardless (a long line without
 * newlines then wraps there). Starts never move once set, so closed blocks keep their props.
 */
export class BlockSplitter {
  private readonly starts: number[] = [0];
  private scanned = 0;

  update(spans: { readonly length: number; textAt(span: number): string }): readonly number[] {
    for (; this.scanned < spans.length; this.scanned++) {
      const start = this.starts[this.starts.length - 1] ?? 0;
      const size = this.scanned - start + 1;
      if ((size >= BLOCK_SIZE && spans.textAt(this.scanned).endsWith('\n')) || size >= BLOCK_MAX)
        this.starts.push(this.scanned + 1);
    }
    return this.starts;
  }
}
