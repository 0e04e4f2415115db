import { fullText } from '../runs/chunkText';
import { choiceSpans, choiceTokenStore } from '../runs/runTokens';
import { getRun } from '../runs/store';
import { alignTokens, firstDivergence, tokenAtOffset, topOverlap, type TopSet } from './compareText';

/** The first choice of a finished run: its text and, with logprobs, its display spans' texts. */
export interface ColumnOutput {
  text: string;
  spans: string[] | null;
  top: (span: number) => TopSet;
}

export function columnOutput(runId: string): ColumnOutput | null {
  const run = getRun(runId);
  const choice = run?.choices[0];
  if (!run || !choice || run.status === 'running') return null;
  const spans = choiceSpans(runId, 0, true);
  const source = choiceTokenStore(runId, 0);
  const texts = spans ? Array.from({ length: spans.length }, (_, span) => spans.textAt(span)) : null;
  return {
    text: fullText(choice),
    spans: texts,
    top: (span) => {
      if (!spans || !source) return null;
      const token = spans.firstTokenAt(span);
      const count = source.topCountAt(token);
      if (!source.hasTop(token)) return null;
      return Array.from({ length: count }, (_, rank) => source.topTokenAt(token, rank));
    },
  };
}

/** How a column differs from the reference column. */
export interface Divergence {
  /** First differing character; null when the texts are equal. */
  offset: number | null;
  /** The display span (heatmap token) of this column at that offset; null without logprobs. */
  span: number | null;
  /** This column's spans whose text differs from the reference's span at the same offset. */
  differing: number[];
  /** A few characters of this column from the divergence on. */
  excerpt: string;
}

export function divergenceFrom(column: ColumnOutput, reference: ColumnOutput): Divergence {
  const offset = firstDivergence(column.text, reference.text);
  const span = offset !== null && column.spans ? tokenAtOffset(column.spans, offset) : null;
  const differing = column.spans && reference.spans ? alignTokens(column.spans, reference.spans).a : [];
  const excerpt = offset === null ? '' : column.text.slice(offset, offset + 40);
  return { offset, span, differing, excerpt };
}

/** Top-alternative overlap between two columns where both produced a token at the same offset. */
export function overlapBetween(a: ColumnOutput, b: ColumnOutput) {
  if (!a.spans || !b.spans) return null;
  return topOverlap(alignTokens(a.spans, b.spans).aligned, a.top, b.top);
}
