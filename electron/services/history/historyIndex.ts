import type { HistoryEntry } from '@shared/contracts/history';

export interface HistoryQuery {
  query?: string;
  limit: number;
  before?: number;
}

/**
 * The history list in memory: entries sorted newest first (createdAt, then id, descending) with a
 * lower-cased search text per entry, so listing and searching 10,000 runs is one linear scan.
 */
export interface HistoryIndex {
  /** Inserts or replaces by id; false when the stored entry was already identical. */
  upsert(entry: HistoryEntry): boolean;
  remove(id: string): boolean;
  get(id: string): HistoryEntry | undefined;
  has(id: string): boolean;
  /** Matching entries newest first, paged by `before`; `total` counts every match. */
  list(query: HistoryQuery): { entries: HistoryEntry[]; total: number };
  /** Every entry, newest first. */
  all(): HistoryEntry[];
  readonly size: number;
}

const searchTextOf = (entry: HistoryEntry): string =>
  `${entry.promptPreview}\n${entry.model}\n${entry.profileName}`.toLowerCase();

/** Negative when `a` sorts before `b` (newer first). */
function compare(a: HistoryEntry, b: HistoryEntry): number {
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export function createHistoryIndex(initial: HistoryEntry[] = []): HistoryIndex {
  const byId = new Map<string, { entry: HistoryEntry; text: string }>();
  let sorted: HistoryEntry[] = [];

  /** First position whose entry does not sort before `entry`. */
  const positionOf = (entry: HistoryEntry): number => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(sorted[mid] as HistoryEntry, entry) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  };

  const removeSorted = (entry: HistoryEntry): void => {
    const at = positionOf(entry);
    if (sorted[at]?.id === entry.id) sorted.splice(at, 1);
    else sorted = sorted.filter((e) => e.id !== entry.id);
  };

  for (const entry of initial) {
    if (byId.has(entry.id)) continue;
    byId.set(entry.id, { entry, text: searchTextOf(entry) });
    sorted.push(entry);
  }
  sorted.sort(compare);

  return {
    upsert(entry) {
      const existing = byId.get(entry.id);
      if (existing && JSON.stringify(existing.entry) === JSON.stringify(entry)) return false;
      if (existing) removeSorted(existing.entry);
      byId.set(entry.id, { entry, text: searchTextOf(entry) });
      sorted.splice(positionOf(entry), 0, entry);
      return true;
    },
    remove(id) {
      const existing = byId.get(id);
      if (!existing) return false;
      byId.delete(id);
      removeSorted(existing.entry);
      return true;
    },
    get(id) {
      return byId.get(id)?.entry;
    },
    has(id) {
      return byId.has(id);
    },
    list({ query, limit, before }) {
      const needle = query?.trim().toLowerCase() ?? '';
      const entries: HistoryEntry[] = [];
      let total = 0;
      for (const entry of sorted) {
        if (needle && !(byId.get(entry.id)?.text.includes(needle) ?? false)) continue;
        total += 1;
        if (entries.length < limit && (before === undefined || entry.createdAt < before)) {
          entries.push(entry);
        }
      }
      return { entries, total };
    },
    all() {
      return [...sorted];
    },
    get size() {
      return sorted.length;
    },
  };
}
