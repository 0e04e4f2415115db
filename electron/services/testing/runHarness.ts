import type { EventName, EventPayload } from '@shared/contracts/api';
import type { ClientContext } from '../router';

/** Test helpers shared by the runner and app-services tests (not shipped code paths). */
export interface RecordedEvent {
  name: EventName;
  payload: EventPayload<EventName> & { seq?: number; runId?: string };
}

export interface RecordingClient extends ClientContext {
  events: RecordedEvent[];
  /** Resolves with the terminal event of `runId` (run.completed / failed / aborted). */
  terminal(runId: string): Promise<RecordedEvent>;
  /** Events of one run, in order. */
  of(runId: string): RecordedEvent[];
  /** Concatenated text per choice index, from the run's batches. */
  text(runId: string): Record<number, string>;
}

const TERMINALS = new Set<EventName>(['run.completed', 'run.failed', 'run.aborted']);

export function recordingClient(clientId = 'client-1'): RecordingClient {
  const events: RecordedEvent[] = [];
  const waiters: Array<{ runId: string; resolve: (event: RecordedEvent) => void }> = [];
  const of = (runId: string) => events.filter((e) => e.payload.runId === runId);
  return {
    clientId,
    events,
    emit(name, payload) {
      const event = { name, payload } as RecordedEvent;
      events.push(event);
      if (!TERMINALS.has(name)) return;
      for (const waiter of waiters.filter((w) => w.runId === event.payload.runId)) waiter.resolve(event);
    },
    terminal(runId) {
      const done = of(runId).find((e) => TERMINALS.has(e.name));
      if (done) return Promise.resolve(done);
      return new Promise((resolve) => waiters.push({ runId, resolve }));
    },
    of,
    text(runId) {
      const parts: Record<number, string[]> = {};
      for (const event of of(runId)) {
        if (event.name !== 'run.batch') continue;
        const batch = event.payload as EventPayload<'run.batch'>;
        batch.text.choice.forEach((choice, i) => (parts[choice] ??= []).push(batch.text.delta[i] ?? ''));
      }
      return Object.fromEntries(
        Object.entries(parts).map(([choice, list]) => [Number(choice), list.join('')]),
      );
    },
  };
}

/** A fetch Response whose body the test writes piece by piece. */
export function controlledResponse(init: { status?: number; headers?: Record<string, string> } = {}) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      cancelled = true;
    },
  });
  const response = new Response(body, {
    status: init.status ?? 200,
    headers: { 'content-type': 'text/event-stream', ...init.headers },
  });
  const encoder = new TextEncoder();
  return {
    response,
    push(data: string | Uint8Array) {
      controller.enqueue(typeof data === 'string' ? encoder.encode(data) : data);
    },
    close() {
      controller.close();
    },
    fail(error: unknown) {
      controller.error(error);
    },
    get cancelled() {
      return cancelled;
    },
  };
}

export const sseChunk = (
  index: number,
  text: string,
  finishReason: string | null = null,
  extra: object = {},
): string =>
  `data: ${JSON.stringify({ id: 'cmpl-1', object: 'text_completion', model: 'm', choices: [{ index, text, finish_reason: finishReason, logprobs: null }], ...extra })}\n\n`;
