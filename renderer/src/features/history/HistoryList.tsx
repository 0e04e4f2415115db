import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { HistoryEntry } from '@shared/contracts/history';
import { HistoryRow, type HistoryRowActions } from './HistoryRow';
import { needsNextPage, rowWindow } from './historyWindow';

/**
 * The saved runs, virtualised: only the rows in view (plus a margin) are in the DOM, between two
 * spacers sized through the CSSOM (no inline style attributes: CSP). Asks for the next page when
 * the view nears the end of what is loaded.
 */
export function HistoryList({
  entries,
  total,
  hasMore,
  loadMore,
  actions,
  busy,
}: {
  entries: readonly HistoryEntry[];
  total: number;
  hasMore: boolean;
  loadMore: () => void;
  actions: HistoryRowActions;
  busy: boolean;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const beforeRef = useRef<HTMLDivElement>(null);
  const afterRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const [now] = useState(() => Date.now());

  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const measure = () => setView({ top: scroller.scrollTop, height: scroller.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    scroller.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      scroller.removeEventListener('scroll', measure);
    };
  }, []);

  const rows = rowWindow(view.top, view.height, entries.length);
  useLayoutEffect(() => {
    if (beforeRef.current) beforeRef.current.style.height = `${rows.before}px`;
    if (afterRef.current) afterRef.current.style.height = `${rows.after}px`;
  }, [rows.before, rows.after]);

  const wantMore = needsNextPage(rows, entries.length, hasMore);
  useEffect(() => {
    if (wantMore) loadMore();
  }, [wantMore, loadMore, entries.length]);

  return (
    <div className="history-scroll" ref={scrollRef} data-testid="history-scroll" data-loaded={entries.length}>
      <div ref={beforeRef} aria-hidden="true" />
      <ul className="history-list" aria-label="Saved runs">
        {entries.slice(rows.start, rows.end).map((entry, i) => (
          <HistoryRow
            key={entry.id}
            entry={entry}
            position={rows.start + i}
            count={total}
            now={now}
            actions={actions}
            busy={busy}
          />
        ))}
      </ul>
      <div ref={afterRef} aria-hidden="true" />
    </div>
  );
}
