import type { BuiltRequest } from '@shared/completions/buildRequest';
import { classifyHttpError, classifyNetworkError } from '@shared/completions/classifyError';
import { redactSecrets } from '@shared/completions/redact';
import { routingFromHeaders, withExtraFields } from '@shared/completions/routing';
import {
  DEFAULT_FIRST_BYTE_TIMEOUT_MS,
  DEFAULT_STALL_TIMEOUT_MS,
  type Profile,
} from '@shared/contracts/profiles';
import type { RoutingInfo, RunError, RunSummary } from '@shared/contracts/runs';
import type { ClientContext } from '../router';
import { createBatcher } from './batcher';
import { readBodyText } from './bodyReader';
import { RunAccumulator } from './runAccumulator';
import { createRunEmitter } from './runEmitter';
import {
  firstByteTimeoutError,
  eventTooLargeError,
  redactDeep,
  redirectError,
  stallTimeoutError,
  tooLargeError,
  truncatedError,
  unexpectedError,
} from './runErrors';
import { interpretBody, interpretFrame } from './interpretResponse';
import { createSseDecoder } from './sseDecoder';
import type { Clock } from './timers';
import { createWatchdog } from './watchdog';

/** The subset of `fetch` a run needs (Node's global fetch, Electron's net.fetch, or a fake). */
export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string;
    signal: AbortSignal;
    /** Always 'manual': a redirect would carry the key header (x-bf-vk) to wherever it points. */
    redirect: 'manual';
  },
) => Promise<Response>;

/** Error bodies are read up to 1 MiB (the rest is dropped). */
export const MAX_ERROR_BODY_BYTES = 1024 * 1024;
/** A non-streamed completion larger than this is refused. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** One stream event (characters buffered before its end) larger than this stops the stream. */
export const MAX_SSE_EVENT_CHARS = 64 * 1024 * 1024;

export interface RunSpec {
  runId: string;
  profile: Profile;
  /** The request to send, real key included. */
  built: BuiltRequest;
  /** Redacted from everything the run emits. */
  key: string | undefined;
  emit: ClientContext['emit'];
}

export interface RunDeps {
  fetch: FetchLike;
  clock: Clock;
  flushIntervalMs: number;
}

export interface ActiveRun {
  /** Aborts the request and emits `run.aborted` at once; false when the run had already ended. */
  stop(): boolean;
  /** Aborts without emitting anything (the client is gone). */
  abandon(): void;
  /** Settles (never rejects) when the run's async work is over. */
  readonly settled: Promise<void>;
}

type Outcome = { type: 'completed' } | { type: 'aborted' } | { type: 'failed'; error: RunError };

/**
 * Sends one completion request and turns the response into run events: `run.responded`, batched
 * `run.batch`es, then exactly one of `run.completed` / `run.failed` / `run.aborted`. Nothing it does
 * can reject: every failure becomes a `run.failed`. `onEnded` is called once, when the run ends.
 */
export function launchRun(spec: RunSpec, deps: RunDeps, onEnded: () => void): ActiveRun {
  const { clock } = deps;
  const { built, profile, key } = spec;
  const url = built.url;
  const redact = (text: string): string => redactSecrets(text, [key]);
  const emitter = createRunEmitter(spec.runId, spec.emit);
  const controller = new AbortController();
  const batcher = createBatcher(clock, deps.flushIntervalMs, (batch) => emitter.progress('run.batch', batch));
  const startedAt = clock.now();
  const acc = new RunAccumulator(batcher, startedAt);
  let headersAt: number | null = null;
  let headerRouting: RoutingInfo = { headers: {} };
  let streamed = built.stream;
  let ended = false;
  /** Cancelled when the run ends, so a read never outlives the run (whatever fetch does on abort). */
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;

  const firstByteMs = profile.firstByteTimeoutMs ?? DEFAULT_FIRST_BYTE_TIMEOUT_MS;
  const stallMs = profile.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const firstByte = createWatchdog(clock, firstByteMs, () =>
    finish(failed(firstByteTimeoutError(url, firstByteMs))),
  );
  const stall = createWatchdog(clock, stallMs, () => finish(failed(stallTimeoutError(url, stallMs))));
  const touch = (): void => stall.touch();

  function failed(error: RunError): Outcome {
    return { type: 'failed', error };
  }

  /** Stops the timers and the request; false when the run had already ended. */
  function end(): boolean {
    if (ended) return false;
    ended = true;
    firstByte.stop();
    stall.stop();
    controller.abort();
    reader?.cancel().catch(() => undefined);
    return true;
  }

  function buildSummary(): RunSummary {
    const endedAt = clock.now();
    try {
      const routing = redactDeep(withExtraFields(headerRouting, acc.lastExtraFields), key);
      return acc.summary({ startedAt, headersAt, endedAt }, routing, streamed);
    } catch {
      return acc.summary({ startedAt, headersAt, endedAt }, redactDeep(headerRouting, key), streamed);
    }
  }

  function finish(outcome: Outcome): void {
    if (!end()) return;
    try {
      // Whatever arrived goes out before the terminal event.
      batcher.flush();
      batcher.dispose();
      const summary = buildSummary();
      if (outcome.type === 'failed') {
        emitter.terminal('run.failed', { error: redactDeep(outcome.error, key), summary });
      } else if (outcome.type === 'aborted') {
        emitter.terminal('run.aborted', { summary });
      } else {
        emitter.terminal('run.completed', { summary });
      }
    } finally {
      emitter.close();
      onEnded();
    }
  }

  async function execute(): Promise<void> {
    firstByte.start();
    let response: Response;
    try {
      response = await deps.fetch(url, {
        method: built.method,
        headers: built.headers,
        body: built.body,
        signal: controller.signal,
        redirect: 'manual',
      });
    } catch (error) {
      if (!ended) finish(failed(classifyNetworkError(error, url, profile.baseUrl)));
      return;
    }
    firstByte.stop();
    if (ended) {
      response.body?.cancel().catch(() => undefined);
      return;
    }
    headersAt = clock.now();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    headerRouting = routingFromHeaders(headers);
    emitter.progress('run.responded', {
      status: response.status,
      routing: redactDeep(headerRouting, key),
      ttfbMs: headersAt - startedAt,
    });
    stall.start();
    const contentType = headers['content-type'];
    reader = response.body?.getReader();
    if (response.status >= 300 && response.status < 400) {
      finish(failed(redirectError(url, response.status, headers.location)));
    } else if (!response.ok) {
      const body = await readOrFail(MAX_ERROR_BODY_BYTES);
      if (body === undefined || ended) return;
      finish(
        failed(classifyHttpError({ url, status: response.status, headers, bodyText: redact(body.text) })),
      );
    } else if (reader && contentType !== undefined && /^\s*text\/event-stream/i.test(contentType)) {
      streamed = true;
      await consumeStream(reader);
    } else {
      streamed = false;
      await consumeJson(headers, response.status);
    }
  }

  /** Reads a whole body; a network failure ends the run (returns undefined). */
  async function readOrFail(limit: number) {
    try {
      return await readBodyText(reader ?? null, limit, touch);
    } catch (error) {
      if (!ended) finish(failed(classifyNetworkError(error, url, profile.baseUrl)));
      return undefined;
    }
  }

  async function consumeJson(headers: Record<string, string>, status: number): Promise<void> {
    const read = await readOrFail(MAX_BODY_BYTES);
    if (read === undefined || ended) return;
    if (read.overLimit) return finish(failed(tooLargeError(url, MAX_BODY_BYTES)));
    const result = interpretBody(read.text, { url, status, headers, redact });
    if (!result.ok) return finish(failed(result.error));
    acc.apply(result.completion, clock.now());
    finish({ type: 'completed' });
  }

  async function consumeStream(body: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    let done = false;
    let streamError: RunError | undefined;
    const decoder = createSseDecoder(
      (frame) => {
        if (done || ended) return;
        const result = interpretFrame(frame, url, redact);
        if (result.type === 'chunk') acc.apply(result.completion, clock.now());
        else if (result.type === 'done') done = true;
        else if (result.type === 'error') {
          streamError = result.error;
          done = true;
        }
      },
      {
        maxEventChars: MAX_SSE_EVENT_CHARS,
        onOverflow: () => {
          streamError ??= eventTooLargeError(url, MAX_SSE_EVENT_CHARS);
          done = true;
        },
      },
    );
    let connectionLost = false;
    while (!done && !ended) {
      let chunk: Awaited<ReturnType<typeof body.read>>;
      try {
        chunk = await body.read();
      } catch {
        // Aborted by us (ended), or the connection broke mid-stream.
        connectionLost = true;
        break;
      }
      if (chunk.done) {
        decoder.end();
        break;
      }
      touch();
      decoder.push(chunk.value);
    }
    if (ended) return;
    if (streamError) finish(failed(streamError));
    // A finish_reason is what tells a complete stream from a cut one ([DONE] alone is not enough).
    else if (acc.anyFinished) finish({ type: 'completed' });
    else finish(failed(truncatedError(url, connectionLost)));
  }

  const settled = execute().catch((error: unknown) => {
    if (!ended) finish(failed(unexpectedError(error, url)));
  });

  return {
    stop() {
      if (ended) return false;
      finish({ type: 'aborted' });
      return true;
    },
    abandon() {
      emitter.close();
      if (!end()) return;
      batcher.dispose();
      onEnded();
    },
    settled,
  };
}
