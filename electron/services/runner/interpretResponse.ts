import {
  classifyHttpError,
  invalidResponseError,
  streamErrorFromFrame,
} from '@shared/completions/classifyError';
import {
  detectErrorPayload,
  normalizeCompletion,
  type NormalizedCompletion,
} from '@shared/completions/normalize';
import type { RunError } from '@shared/contracts/runs';
import type { SseFrame } from './sseDecoder';

export type BodyResult = { ok: true; completion: NormalizedCompletion } | { ok: false; error: RunError };

export interface BodyContext {
  url: string;
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Applied to any text that goes into an error (the key must not leave the runner). */
  redact: (text: string) => string;
}

/** A whole 2xx body → the completion, or the specific reason it is not one. */
export function interpretBody(text: string, ctx: BodyContext): BodyResult {
  const { url, status, headers, redact } = ctx;
  const contentType = headers['content-type'];
  const invalid = (why: string): BodyResult => ({
    ok: false,
    error: invalidResponseError(url, contentType, redact(text), why),
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return invalid(`The server answered ${status} but the body is not JSON.`);
  }
  const payload = detectErrorPayload(json);
  if (payload) {
    if (payload.status !== undefined && payload.status >= 400) {
      return {
        ok: false,
        error: classifyHttpError({ url, status: payload.status, headers, bodyText: redact(text) }),
      };
    }
    return invalid(`The server answered ${status} with an error: ${payload.message}`);
  }
  let completion: NormalizedCompletion;
  try {
    completion = normalizeCompletion(json);
  } catch (error) {
    return invalid(`The body is ${error instanceof Error ? error.message : 'not a completion'}.`);
  }
  if (completion.choices.length === 0) return invalid('The response has no choices.');
  return { ok: true, completion };
}

export type FrameResult =
  | { type: 'chunk'; completion: NormalizedCompletion }
  | { type: 'done' }
  | { type: 'skip' }
  | { type: 'error'; error: RunError };

/**
 * One SSE frame of a completion stream → what it means: a chunk, the end (`[DONE]`), an error
 * (`event: error`, a `data:` error payload, JSON that is not a chunk), or nothing (other events,
 * empty data).
 */
export function interpretFrame(frame: SseFrame, url: string, redact: (text: string) => string): FrameResult {
  const { event, data } = frame;
  if (event === 'error') return { type: 'error', error: streamErrorFromFrame(url, redact(data), event) };
  // Other named events are not part of the completions stream: ignored like comments.
  if (event !== undefined && event !== 'message') return { type: 'skip' };
  if (data === '[DONE]') return { type: 'done' };
  const trimmed = data.length < 16 ? data.trim() : data;
  if (trimmed === '[DONE]') return { type: 'done' };
  if (trimmed === '') return { type: 'skip' };
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return invalidFrame(frame, url, redact, 'A stream event is not valid JSON.');
  }
  if (detectErrorPayload(json))
    return { type: 'error', error: streamErrorFromFrame(url, redact(data), event) };
  try {
    return { type: 'chunk', completion: normalizeCompletion(json) };
  } catch (error) {
    const why = `A stream event is ${error instanceof Error ? error.message : 'not a completion chunk'}.`;
    return invalidFrame(frame, url, redact, why);
  }
}

/** Kept out of interpretFrame, which runs for every event: no closure made per event. */
function invalidFrame(
  frame: SseFrame,
  url: string,
  redact: (text: string) => string,
  why: string,
): FrameResult {
  return { type: 'error', error: invalidResponseError(url, 'text/event-stream', redact(frame.data), why) };
}
