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

/** Marks for spans start..end-1 only, as a string key (blocks without marks keep the same key ''). */
export function marksKey(marks: MarkMap, start: number, end: number): string {
  if (marks.size === 0) return '';
  const parts: string[] = [];
  for (const [span, className] of marks) if (span >= start && span < end) parts.push(`${span}:${className}`);
  return parts.sort().join(',');
}
