import { useEffect, useState } from 'react';

/** Asks for `callback` to run once soon (next frame); returns a cancel function. */
export type ScheduleFrame = (callback: () => void) => () => void;

export interface FrameTurns {
  /** Takes this frame's turn if it is free (and nobody is waiting): true if taken. */
  tryNow(): boolean;
  /** Waits for a later frame's turn (one per frame, first come first served); returns a cancel function. */
  request(onTurn: () => void): () => void;
}

/**
 * One turn per frame for expensive work that can wait a frame or two (mounting a run's view): when
 * four compare columns start at once, each mounts in a frame of its own instead of all in one.
 */
export function createFrameTurns(schedule: ScheduleFrame): FrameTurns {
  let taken = false;
  let pending: (() => void) | null = null;
  const waiting: Array<() => void> = [];

  const nextFrame = (): void => {
    pending ??= schedule(() => {
      pending = null;
      taken = false;
      const next = waiting.shift();
      if (!next) return;
      taken = true;
      nextFrame();
      next();
    });
  };

  return {
    tryNow() {
      if (taken || waiting.length > 0) return false;
      taken = true;
      nextFrame();
      return true;
    },
    request(onTurn) {
      waiting.push(onTurn);
      nextFrame();
      return () => {
        const index = waiting.indexOf(onTurn);
        if (index !== -1) waiting.splice(index, 1);
      };
    },
  };
}

/** Whether this component has had its turn (see createFrameTurns): false until then. */
export function useFrameTurn(turns: FrameTurns): boolean {
  const [granted, setGranted] = useState(() => turns.tryNow());
  useEffect(() => {
    if (granted) return;
    return turns.request(() => setGranted(true));
  }, [granted, turns]);
  return granted;
}
