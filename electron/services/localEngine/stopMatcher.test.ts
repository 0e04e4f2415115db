import { describe, expect, it } from 'vitest';
import { StopMatcher } from './stopMatcher';

interface Piece {
  text: string;
  id: number;
}

function run(
  stops: string[],
  texts: string[][],
): { sent: Piece[][]; stoppedAt: number | null; rest: Piece[] } {
  const matcher = new StopMatcher<Piece>(stops);
  const sent: Piece[][] = [];
  let id = 0;
  let stoppedAt: number | null = null;
  for (const [at, group] of texts.entries()) {
    const result = matcher.push(group.map((text) => ({ text, id: id++ })));
    sent.push(result.release);
    if (result.stopped) {
      stoppedAt = at;
      break;
    }
  }
  return { sent, stoppedAt, rest: matcher.flush() };
}

const textOf = (pieces: Piece[][]) =>
  pieces
    .flat()
    .map((piece) => piece.text)
    .join('');

describe('StopMatcher', () => {
  it('passes everything through without stop sequences', () => {
    const { sent, stoppedAt } = run([], [['a'], ['\n\n']]);
    expect(textOf(sent)).toBe('a\n\n');
    expect(stoppedAt).toBeNull();
  });

  it('holds a possible stop start and never sends text past the stop', () => {
    const { sent, stoppedAt } = run(['\n\n'], [[' a'], ['\n'], ['\n'], ['b']]);
    // The first '\n' starts exactly at the cut: dropped, never sent.
    expect(sent.map((pieces) => pieces.map((piece) => piece.text))).toEqual([[' a'], [], []]);
    expect(stoppedAt).toBe(2);
    expect(textOf(sent)).toBe(' a');
  });

  it('releases held text once it cannot start a stop any more', () => {
    const { sent } = run(['END'], [['E'], ['N'], ['d'], ['x']]);
    expect(sent.map((pieces) => pieces.map((piece) => piece.text))).toEqual([[], [], ['E', 'N', 'd'], ['x']]);
  });

  it('cuts inside a token: the straddling token keeps its text before the stop, later ones are dropped', () => {
    const { sent, stoppedAt, rest } = run(['o w'], [['hel'], ['lo wor'], ['ld']]);
    expect(stoppedAt).toBe(1);
    expect(sent.flat()).toEqual([
      { text: 'hel', id: 0 },
      { text: 'l', id: 1 },
    ]);
    expect(rest).toEqual([]);
  });

  it('keeps the tokens of one character together and finds the earliest of several stops', () => {
    const { sent } = run(['🙂', 'x'], [['a'], ['', '', '', '🙂'], ['x']]);
    expect(sent.flat().map((piece) => piece.id)).toEqual([0]);
  });

  it('flushes what is still held at the end', () => {
    const { sent, rest } = run(['abc'], [['x'], ['ab']]);
    expect(textOf(sent)).toBe('x');
    expect(rest.map((piece) => piece.text)).toEqual(['ab']);
  });
});
