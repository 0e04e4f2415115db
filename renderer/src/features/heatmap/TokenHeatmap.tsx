import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { HeatmapMode } from '@shared/logprobs/heatmapScale';
import { choiceSpans, choiceTokenStore } from '../runs/runTokens';
import { heatmapActions, useOwnsInspector } from './heatmapStore';
import { blockIsInline, spansHtml } from './blockHtml';
import { heatmapFills } from './fillScheduler';
import { blockMarksKeys, spanMarksOf, useSpanMarks } from './spanMarks';
import { BlockSplitter } from './spanView';
import { TokenInspector } from './TokenInspector';

const splitters = new WeakMap<object, BlockSplitter>();

interface BlockProps {
  runId: string;
  choice: number;
  start: number;
  end: number;
  mode: HeatmapMode;
  k: number;
  /** Flows on the same line as its neighbour (see blockIsInline). */
  inline: boolean;
  /** This block's marks (see spanMarks.ts) as a key: a change rewrites the block. */
  marks: string;
}

interface Rendered {
  mode: HeatmapMode;
  k: number;
  end: number;
  marks: string;
}

/**
 * Spans start..end-1, written as HTML into one element (no React element per token). A closed
 * block's props never change, so React skips it; the growing last block only appends its new spans.
 * Filling goes through the time-sliced scheduler, so a huge heatmap paints its first screen at once
 * and the rest over the next frames.
 */
const Block = memo(function Block({ runId, choice, start, end, mode, k, inline, marks }: BlockProps) {
  const ref = useRef<HTMLDivElement | null>(null);
  const rendered = useRef<Rendered | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    const spans = choiceSpans(runId, choice, false);
    const source = choiceTokenStore(runId, choice);
    if (!element || !spans || !source) return;
    const marked = marks === '' ? undefined : spanMarksOf(runId, choice);
    return heatmapFills.fill(element, () => {
      const done = rendered.current;
      if (done && done.mode === mode && done.k === k && done.marks === marks && done.end <= end)
        element.insertAdjacentHTML('beforeend', spansHtml(source, spans, done.end, end, mode, { k }, marked));
      else element.innerHTML = spansHtml(source, spans, start, end, mode, { k }, marked);
      rendered.current = { mode, k, end, marks };
    });
  }, [runId, choice, start, end, mode, k, marks]);
  return (
    <div
      ref={ref}
      className={inline ? 'heat-block heat-inline' : 'heat-block'}
      data-start={start}
      data-end={end}
    />
  );
});

export interface ActiveToken {
  span: number;
  pinned: boolean;
}

interface TokenHeatmapProps {
  runId: string;
  choice: number;
  /** The run's token count: the version of the token stores (changes at most once per frame). */
  version: number;
  finished: boolean;
  mode: HeatmapMode;
  k: number;
  /** Used for the active token's id. */
  idPrefix: string;
  onContinue(span: number, alternative: string): void;
  /** Set from outside (the chart): select this span. */
  selectRequest?: { span: number; nonce: number } | null;
}

/** The element of a span, filling its block first if that is still waiting its turn. */
function spanElement(root: HTMLElement | null, span: number): HTMLElement | null {
  if (!root) return null;
  for (const block of root.children) {
    const start = Number((block as HTMLElement).dataset.start);
    const end = Number((block as HTMLElement).dataset.end);
    if (span >= start && span < end) heatmapFills.fillNow(block);
  }
  return root.querySelector<HTMLElement>(`[data-s="${span}"]`);
}

function spanOfEvent(target: EventTarget): number | null {
  const element = target instanceof Element ? target.closest<HTMLElement>('[data-s]') : null;
  const value = element?.dataset.s;
  return value === undefined ? null : Number(value);
}

/**
 * A choice's tokens as coloured spans, in blocks, with one delegated token inspector: hover, focus
 * or click a token; arrows move, Home/End jump, Enter pins, Esc closes. One tab stop (the container,
 * with aria-activedescendant); no per-token React state.
 */
export function TokenHeatmap(props: TokenHeatmapProps) {
  const { runId, choice, version, finished, mode, k, idPrefix, onContinue, selectRequest } = props;
  const owner = `${runId}:${choice}`;
  const owns = useOwnsInspector(owner);
  const [active, setActive] = useState<ActiveToken | null>(null);
  const containerRef = useRef<HTMLDivElement | null>(null);
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const attach = useCallback((node: HTMLDivElement | null) => {
    containerRef.current = node;
    setContainer(node);
  }, []);
  // The popover goes into the choice's frame, outside the text (whose text content stays the output).
  const frame = container?.closest<HTMLElement>('[data-heatmap-frame]') ?? null;
  const scroller = container?.closest<HTMLElement>('[data-heatmap-scroller]') ?? null;
  const highlighted = useRef<HTMLElement | null>(null);
  const activeId = `${idPrefix}-active-token`;

  const spans = choiceSpans(runId, choice, finished);
  const count = spans?.length ?? 0;
  let splitter = spans ? splitters.get(spans) : undefined;
  if (spans && !splitter) {
    splitter = new BlockSplitter();
    splitters.set(spans, splitter);
  }
  const starts = spans && splitter ? splitter.update(spans) : [];
  const shown = owns ? active : null;
  const spanMarks = useSpanMarks(runId, choice);

  const activate = (next: ActiveToken | null, scroll = false): void => {
    setActive(next);
    if (next) heatmapActions.inspectorOpened(owner);
    else heatmapActions.inspectorClosed(owner);
    if (next && scroll) spanElement(containerRef.current, next.span)?.scrollIntoView({ block: 'nearest' });
  };

  // The highlight and the id are set on the one active element, not rendered per token.
  useEffect(() => {
    const previous = highlighted.current;
    const element = shown ? spanElement(containerRef.current, shown.span) : null;
    if (previous && previous !== element) {
      previous.classList.remove('is-active');
      previous.removeAttribute('id');
    }
    if (element) {
      element.classList.add('is-active');
      element.id = activeId;
    }
    highlighted.current = element;
  }, [shown, mode, version, activeId]);

  // A pinned inspector closes on a press outside it and outside the tokens.
  const pinned = shown?.pinned ?? false;
  useEffect(() => {
    if (!pinned) return;
    const onPointerDown = (event: PointerEvent): void => {
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('.token-inspector') || (target && containerRef.current?.contains(target))) return;
      setActive(null);
      heatmapActions.inspectorClosed(owner);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [pinned, owner]);

  // A selection from the chart: adopted while rendering, then scrolled to and focused.
  const [handledRequest, setHandledRequest] = useState(selectRequest);
  if (selectRequest !== handledRequest) {
    setHandledRequest(selectRequest);
    if (selectRequest && selectRequest.span < count) setActive({ span: selectRequest.span, pinned: true });
  }
  useEffect(() => {
    if (!selectRequest) return;
    heatmapActions.inspectorOpened(owner);
    spanElement(containerRef.current, selectRequest.span)?.scrollIntoView({ block: 'nearest' });
    containerRef.current?.focus({ preventScroll: true });
  }, [selectRequest, owner]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (count === 0) return;
    const current = shown?.span ?? -1;
    const move = (span: number) => {
      event.preventDefault();
      activate({ span: Math.max(0, Math.min(count - 1, span)), pinned: shown?.pinned ?? false }, true);
    };
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        return move(current + 1);
      case 'ArrowLeft':
      case 'ArrowUp':
        return move(current < 0 ? 0 : current - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(count - 1);
      case 'Enter':
      case ' ':
        event.preventDefault();
        activate({ span: Math.max(0, current), pinned: !(shown?.pinned ?? false) });
        return;
      case 'Escape':
        if (!shown) return;
        event.preventDefault();
        event.stopPropagation();
        activate(null);
        return;
    }
  };

  const blocks = [];
  const blockMarks = spanMarks.size === 0 ? null : blockMarksKeys(spanMarks, starts, count);
  let previousEndsLine = true;
  for (let block = 0; block < starts.length; block++) {
    const start = starts[block] ?? 0;
    const end = Math.min(starts[block + 1] ?? count, count);
    if (start >= end || !spans) continue;
    const last = end === count;
    const endsLine = last || spans.textAt(end - 1).endsWith('\n');
    blocks.push(
      <Block
        key={start}
        runId={runId}
        choice={choice}
        start={start}
        end={end}
        mode={mode}
        k={k}
        inline={blockIsInline(endsLine, previousEndsLine)}
        marks={blockMarks?.[block] ?? ''}
      />,
    );
    previousEndsLine = endsLine;
  }

  return (
    <>
      <div
        ref={attach}
        className="heatmap"
        role="group"
        aria-roledescription="token heatmap"
        aria-label={`Tokens of choice ${choice}. Arrow keys move, Enter pins the inspector, Escape closes it.`}
        aria-activedescendant={shown ? activeId : undefined}
        tabIndex={0}
        onMouseOver={(event) => {
          const span = spanOfEvent(event.target);
          if (span !== null && !shown?.pinned) activate({ span, pinned: false });
        }}
        onMouseLeave={() => {
          if (shown && !shown.pinned) activate(null);
        }}
        onClick={(event) => {
          const span = spanOfEvent(event.target);
          if (span === null) return;
          activate({ span, pinned: true });
          containerRef.current?.focus({ preventScroll: true });
        }}
        onFocus={(event) => {
          // Keyboard focus (Tab) shows the first token; clicks and chart selections activate their own.
          const container = containerRef.current;
          if (event.target !== container || shown || count === 0 || !container.matches(':focus-visible'))
            return;
          activate({ span: 0, pinned: false });
        }}
        onKeyDown={onKeyDown}
      >
        {blocks}
      </div>
      {shown && shown.span < count && frame && container ? (
        <TokenInspector
          runId={runId}
          choice={choice}
          span={shown.span}
          pinned={shown.pinned}
          frame={frame}
          scroller={scroller}
          anchor={container}
          onClose={() => {
            activate(null);
            containerRef.current?.focus({ preventScroll: true });
          }}
          onContinue={(alternative) => onContinue(shown.span, alternative)}
        />
      ) : null}
    </>
  );
}
