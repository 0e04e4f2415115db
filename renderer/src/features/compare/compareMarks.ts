/** What the compare view knows of a finished column, for the "fastest / cheapest / most confident" marks. */
export interface ColumnFigures {
  id: string;
  /** Request sent → last byte. */
  totalMs: number | null;
  costUsd: number | null;
  /** Mean logprob over the column's output tokens (first choice). */
  meanLogprob: number | null;
}

export type Mark = 'fastest' | 'cheapest' | 'most confident';

function best(
  figures: readonly ColumnFigures[],
  value: (f: ColumnFigures) => number | null,
  lowest: boolean,
) {
  let winner: string | null = null;
  let bestValue = 0;
  let contenders = 0;
  for (const figure of figures) {
    const current = value(figure);
    if (current === null || !Number.isFinite(current)) continue;
    contenders++;
    if (winner === null || (lowest ? current < bestValue : current > bestValue)) {
      winner = figure.id;
      bestValue = current;
    }
  }
  // A mark means something only when at least two columns could earn it.
  return contenders >= 2 ? winner : null;
}

/** The marks each column earned (ties go to the first column). */
export function columnMarks(figures: readonly ColumnFigures[]): Map<string, Mark[]> {
  const marks = new Map<string, Mark[]>();
  const give = (id: string | null, mark: Mark) => {
    if (id !== null) marks.set(id, [...(marks.get(id) ?? []), mark]);
  };
  give(
    best(figures, (f) => f.totalMs, true),
    'fastest',
  );
  give(
    best(figures, (f) => f.costUsd, true),
    'cheapest',
  );
  give(
    best(figures, (f) => f.meanLogprob, false),
    'most confident',
  );
  return marks;
}
