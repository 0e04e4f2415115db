import type { HeatmapMode, ScaleOptions } from '@shared/logprobs/heatmapScale';
import type { TokenSource } from '@shared/logprobs/tokenStore';
import type { DisplaySpanList } from '@shared/logprobs/utf8Merge';
import { spanView } from './spanView';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text safe inside an element or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => ESCAPES[character] ?? character);
}

/**
 * The HTML of spans `start .. end - 1`: one `<span data-testid="token">` per display span with its
 * index (`data-s`), first token (`data-i`), logprob (`data-logprob`, empty when it has none) and
 * colour classes, plus any extra class `marks` gives the span. Built as one string so a block becomes DOM in one parse, without a React element
 * (and its memory) per token.
 */
export function spansHtml(
  source: TokenSource,
  spans: DisplaySpanList,
  start: number,
  end: number,
  mode: HeatmapMode,
  scale: ScaleOptions,
  marks?: ReadonlyMap<number, string>,
): string {
  let html = '';
  for (let span = start; span < end; span++) {
    const view = spanView(source, spans, span, mode, scale);
    const mark = marks?.get(span);
    const className = mark ? `${view.className} ${escapeHtml(mark)}` : view.className;
    html += `<span data-testid="token" data-s="${span}" data-i="${view.first}" data-logprob="${view.logprob}" class="${className}">${escapeHtml(view.text)}</span>`;
  }
  return html;
}

/**
 * Whether a block is laid out inline: a block that does not end a line (closed at the size limit in a
 * long line), and the one after it, must flow on as the same line; others are block boxes that the
 * browser can skip laying out while off screen (content-visibility).
 */
export function blockIsInline(endsLine: boolean, previousEndsLine: boolean): boolean {
  return !endsLine || !previousEndsLine;
}
