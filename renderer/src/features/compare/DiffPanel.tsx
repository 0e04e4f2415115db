import { useMemo, useState } from 'react';
import { useNextFrameValue } from '../../ui/useNextFrameValue';
import { wordDiff } from './compareText';
import { getRun } from '../runs/store';
import { columnOutput, overlapBetween } from './columnAnalysis';

export interface DiffColumn {
  id: string;
  label: string;
  runId: string;
}

/**
 * The diff of two finished runs, given as `leftRunId\nrightRunId`: one string memo key (two derived
 * ids as separate deps trip the React Compiler's preserve-manual-memoization check).
 */
function analysePair(pair: string) {
  const [leftRun = '', rightRun = ''] = pair.split('\n');
  const a = columnOutput(leftRun);
  const b = columnOutput(rightRun);
  if (!a || !b) return null;
  return { parts: wordDiff(a.text, b.text), overlap: overlapBetween(a, b) };
}

/** A word-level diff between any two finished columns, and how their top alternatives overlap. */
export function DiffPanel({ columns, version }: { columns: readonly DiffColumn[]; version: string }) {
  const [leftId, setLeftId] = useState<string | null>(null);
  const [rightId, setRightId] = useState<string | null>(null);
  const left = columns.find((column) => column.id === leftId) ?? columns[0];
  const right =
    columns.find((column) => column.id === rightId && column !== left) ??
    columns.find((column) => column !== left);
  // `version` changes (and this re-renders) when any column's run finishes; the diff is computed
  // again only when the pair it compares changes or finishes, not for every other column's end.
  void version;
  const done = (column: DiffColumn | undefined) =>
    column !== undefined && getRun(column.runId)?.status !== 'running';
  const pair = left && right && done(left) && done(right) ? `${left.runId}\n${right.runId}` : null;
  // A frame after the pair finished: that frame already holds the end of the run.
  const readyPair = useNextFrameValue(pair);
  const analysis = useMemo(() => (readyPair === null ? null : analysePair(readyPair)), [readyPair]);
  if (columns.length < 2) return null;
  const picker = (name: string, value: string | undefined, onChange: (id: string) => void) => (
    <label className="diff-picker">
      <span>{name}</span>
      <select className="input" value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        {columns.map((column) => (
          <option key={column.id} value={column.id}>
            {column.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="diff-panel" aria-label="Word diff">
      <div className="diff-head">
        <h3>Word diff</h3>
        {picker('From', left?.id, setLeftId)}
        {picker('To', right?.id, setRightId)}
        {analysis?.overlap ? (
          <span className="muted" data-testid="top-overlap">
            {analysis.overlap.meanOverlap === null
              ? 'No aligned tokens with alternatives in both'
              : `Top alternatives overlap ${Math.round(analysis.overlap.meanOverlap * 100)}% over ${analysis.overlap.compared} aligned tokens`}
          </span>
        ) : null}
      </div>
      {analysis ? (
        <pre className="diff-text" data-testid="word-diff">
          {analysis.parts.map((part, index) =>
            part.kind === 'same' ? (
              <span key={index}>{part.text}</span>
            ) : part.kind === 'removed' ? (
              <del key={index} className="diff-removed">
                {part.text}
              </del>
            ) : (
              <ins key={index} className="diff-added">
                {part.text}
              </ins>
            ),
          )}
        </pre>
      ) : (
        <p className="muted">Both columns must have finished.</p>
      )}
    </section>
  );
}
