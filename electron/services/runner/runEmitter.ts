import type { EventPayload } from '@shared/contracts/api';
import type { ClientContext } from '../router';

type RunEventName = 'run.responded' | 'run.batch';
type TerminalName = 'run.completed' | 'run.failed' | 'run.aborted';
type Body<E extends RunEventName | TerminalName> = Omit<EventPayload<E>, 'runId' | 'seq'>;

export interface RunEmitter {
  /** Sends a progress event; ignored once the run has ended. */
  progress<E extends RunEventName>(name: E, body: Body<E>): void;
  /** Sends the one terminal event; returns false (and sends nothing) when the run already ended. */
  terminal<E extends TerminalName>(name: E, body: Body<E>): boolean;
  /** Ends the run without an event (the client is gone). */
  close(): void;
  readonly ended: boolean;
}

/**
 * Stamps every event of a run with `runId` and a `seq` that starts at 0 and grows by one, and
 * guarantees exactly one terminal event with nothing after it. A throwing `emit` (a window that is
 * being destroyed) does not break the run.
 */
export function createRunEmitter(runId: string, emit: ClientContext['emit']): RunEmitter {
  let seq = 0;
  let ended = false;
  const send = (name: RunEventName | TerminalName, body: object): void => {
    const payload = { runId, seq: seq++, ...body };
    try {
      (emit as (name: string, payload: unknown) => void)(name, payload);
    } catch {
      // The client went away; the transport reports that through clientClosed.
    }
  };
  return {
    progress(name, body) {
      if (!ended) send(name, body);
    },
    terminal(name, body) {
      if (ended) return false;
      ended = true;
      send(name, body);
      return true;
    },
    close() {
      ended = true;
    },
    get ended() {
      return ended;
    },
  };
}
