import type { RunError } from '../contracts/runs';

export interface HttpFailure {
  url: string;
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  bodyText: string;
}

/** A non-2xx response → a specific, actionable RunError (401/403/404/400+param/402/429+Retry-After/5xx/HTML). */
export function classifyHttpError(_failure: HttpFailure): RunError {
  throw new Error('not implemented');
}

/**
 * A thrown fetch error (Node/undici: `TypeError('fetch failed')` with `cause.code` such as ECONNREFUSED,
 * ENOTFOUND, EAI_AGAIN, CERT_*, ERR_SSL_*, ECONNRESET, UND_ERR_*) → RunError. `url` is the request URL;
 * `baseUrl` is used in "No gateway at <baseUrl>".
 */
export function classifyNetworkError(_error: unknown, _url: string, _baseUrl: string): RunError {
  throw new Error('not implemented');
}

/** A 2xx body that is not what was expected (HTML, not JSON, JSON that is not a completion). */
export function invalidResponseError(_url: string, _contentType: string | undefined, _bodyText: string, _why: string): RunError {
  throw new Error('not implemented');
}

/** An error frame inside an SSE stream (`data: {error…}` or `event: error`). */
export function streamErrorFromFrame(_url: string, _frameData: string, _eventName: string | undefined): RunError {
  throw new Error('not implemented');
}
