/** Fixed height of a history row, in px (history.css keeps it in sync). */
export const HISTORY_ROW_HEIGHT = 84;
/** Rows rendered above and below the visible ones. */
export const HISTORY_OVERSCAN = 6;
/** Start loading the next page when the window comes this close to the last loaded row. */
export const HISTORY_PREFETCH_ROWS = 40;

export interface RowWindow {
  /** First rendered row. */
  start: number;
  /** One past the last rendered row. */
  end: number;
  /** Space above and below the rendered rows, in px. */
  before: number;
  after: number;
}

/** Which of `count` fixed-height rows to render for a viewport scrolled to `scrollTop`. */
export function rowWindow(
  scrollTop: number,
  viewportHeight: number,
  count: number,
  rowHeight = HISTORY_ROW_HEIGHT,
  overscan = HISTORY_OVERSCAN,
): RowWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count, first) - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end, before: start * rowHeight, after: Math.max(0, count - end) * rowHeight };
}

/** Whether the next page should load: more exist and the window nears the end of what is loaded. */
export function needsNextPage(window: RowWindow, loaded: number, hasMore: boolean): boolean {
  return hasMore && window.end + HISTORY_PREFETCH_ROWS >= loaded;
}

/** The paging cursor after `page` (history.list's `before`), or undefined when it was the last page. */
export function nextCursor(
  page: { entries: ReadonlyArray<{ createdAt: number }> },
  limit: number,
): number | undefined {
  const last = page.entries[page.entries.length - 1];
  return page.entries.length < limit || last === undefined ? undefined : last.createdAt;
}
