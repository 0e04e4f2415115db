import { create } from 'zustand';

/**
 * Extra classes for some spans of a choice's heatmap, set from outside it (the compare view marks
 * where a column diverges and which tokens differ). Kept by run and choice; the heatmap blocks that
 * hold marked spans write the classes into their HTML, so the marks cost nothing per frame and no
 * per-token style rules.
 */
type MarkMap = ReadonlyMap<number, string>;

interface SpanMarksState {
  marks: Readonly<Record<string, MarkMap>>;
}

const useSpanMarksStore = create<SpanMarksState>()(() => ({ marks: {} }));
const keyOf = (runId: string, choice: number) => `${runId}:${choice}`;
const none: MarkMap = new Map();

export function setSpanMarks(runId: string, choice: number, marks: MarkMap | null): void {
  useSpanMarksStore.setState((state) => {
    const key = keyOf(runId, choice);
    const { [key]: _previous, ...rest } = state.marks;
    return { marks: marks && marks.size > 0 ? { ...rest, [key]: marks } : rest };
  });
}

/** The marks of a choice (a new map object whenever they change: usable as a version). */
export const useSpanMarks = (runId: string, choice: number): MarkMap =>
  useSpanMarksStore((state) => state.marks[keyOf(runId, choice)] ?? none);

/** The marks of a choice now (outside React). */
export function spanMarksOf(runId: string, choice: number): MarkMap {
  return useSpanMarksStore.getState().marks[keyOf(runId, choice)] ?? none;
}

/**
 * Each block's marks as a string key (blocks without marks keep the same key ''): block `b` holds
 * spans starts[b]..starts[b + 1]-1 (the last one up to `count`). One pass over the marks, not one per
 * block: a comparison marks most tokens of a column, and a long heatmap has many blocks.
 */
export function blockMarksKeys(marks: MarkMap, starts: readonly number[], count: number): string[] {
  const parts: string[][] = starts.map(() => []);
  for (const [span, className] of marks) {
    if (span < 0 || span >= count) continue;
    // The last block starting at or before the span.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= span) low = middle;
      else high = middle - 1;
    }
    if ((starts[low] ?? 0) <= span) parts[low]?.push(`${span}:${className}`);
  }
  return parts.map((list) => (list.length === 0 ? '' : list.sort().join(',')));
}
