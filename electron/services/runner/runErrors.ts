import { redactSecrets } from '@shared/completions/redact';
import type { RunError } from '@shared/contracts/runs';

const seconds = (ms: number): string => {
  const s = ms / 1000;
  return Number.isInteger(s) ? `${s} s` : `${s.toFixed(1)} s`;
};

/** The stream ended (or the connection closed) before any choice reported a finish reason. */
export function truncatedError(url: string, connectionLost: boolean): RunError {
  return {
    kind: 'truncated',
    title: 'The stream ended early',
    message: connectionLost
      ? 'The connection closed before any choice finished, so the output may be incomplete. What arrived is kept.'
      : 'The stream ended without a finish reason, so the output may be incomplete. What arrived is kept.',
    url,
  };
}

export function firstByteTimeoutError(url: string, timeoutMs: number): RunError {
  return {
    kind: 'first_byte_timeout',
    title: 'No response from the server',
    message: `Nothing arrived within ${seconds(timeoutMs)}, so the request was stopped. The server may be overloaded or stuck; the limit is the profile’s first-byte timeout.`,
    url,
  };
}

export function stallTimeoutError(url: string, timeoutMs: number): RunError {
  return {
    kind: 'stall_timeout',
    title: 'The stream stalled',
    message: `No data arrived for ${seconds(timeoutMs)}, so the request was stopped. What arrived is kept; the limit is the profile’s stall timeout.`,
    url,
  };
}

/** Redirects are not followed: the key header would go wherever the redirect points. */
export function redirectError(url: string, status: number, location: string | undefined): RunError {
  return {
    kind: 'invalid_response',
    status,
    title: 'The server redirected the request',
    message: `${url} answered ${status}${location ? ` and points to ${location}` : ''}. Redirects are not followed so that the key is not sent elsewhere: use the final address as the profile’s base URL.`,
    url,
  };
}

export function tooLargeError(url: string, limitBytes: number): RunError {
  return {
    kind: 'invalid_response',
    title: 'The response is too large',
    message: `The response body exceeded ${Math.round(limitBytes / (1024 * 1024))} MiB and was not read.`,
    url,
  };
}

/** One SSE event grew past the limit without ending (a broken or hostile server). */
export function eventTooLargeError(url: string, limitChars: number): RunError {
  return {
    kind: 'invalid_response',
    title: 'A stream event is too large',
    message: `One stream event exceeded ${Math.round(limitChars / (1024 * 1024))} MiB without ending, so the stream was stopped. What arrived before it is kept.`,
    url,
  };
}

/** Something threw that should not have (a bug): still one clean, keyless `run.failed`. */
export function unexpectedError(error: unknown, url: string | undefined): RunError {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    kind: 'unknown',
    title: 'The run failed unexpectedly',
    message: `Internal error: ${detail.slice(0, 500)}`,
    ...(url === undefined ? {} : { url }),
  };
}

/** Redacts the key from every string inside a JSON-like value (error fields, routing, extra_fields). */
export function redactDeep<T>(value: T, key: string | undefined): T {
  if (!key) return value;
  return walk(value, key, 0) as T;
}

function walk(value: unknown, key: string, depth: number): unknown {
  if (typeof value === 'string') return redactSecrets(value, [key]);
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => walk(item, key, depth + 1));
  // fromEntries: a `__proto__` key from JSON stays a plain key (assigning it would set the prototype).
  return Object.fromEntries(
    Object.entries(value).map(([name, item]) => [redactSecrets(name, [key]), walk(item, key, depth + 1)]),
  );
}
