import type { ErrorKind, RunError } from '../contracts/runs';
import { describeBody, hostOf, RAW_LIMIT } from './errorText';
import { truncateText, tryParseJson, withoutUndefined } from './jsonShape';
import { detectErrorPayload, type ErrorPayload } from './normalize';
import { formatRetryAfter, parseRetryAfter } from './retryAfter';

export { classifyNetworkError } from './networkError';

export interface HttpFailure {
  url: string;
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  bodyText: string;
}

/** A non-2xx response → a specific, actionable RunError (401/403/404/400+param/402/429+Retry-After/5xx/HTML). */
export function classifyHttpError(failure: HttpFailure): RunError {
  const headers = lowerCaseKeys(failure.headers);
  const { status } = failure;
  const parsed = tryParseJson(failure.bodyText);
  const payload = parsed.ok ? detectErrorPayload(parsed.value) : null;
  const kind = kindForStatus(status);
  const base = {
    kind,
    status,
    url: failure.url,
    raw: truncateText(failure.bodyText, RAW_LIMIT),
    param: payload?.param,
    code: payload?.code,
    type: payload?.type,
  };
  // What the server said, in one sentence; an HTML page or plain text is described instead.
  const said = payload
    ? ensurePeriod(payload.message)
    : (describeBody(headers['content-type'], failure.bodyText, status) ??
      `The server answered with status ${status} and no error message.`);
  const { title, advice, retryAfterSeconds } = explain(kind, status, payload, headers, failure.url);
  return withoutUndefined<RunError>({
    ...base,
    title,
    message: advice ? `${said} ${advice}` : said,
    retryAfterSeconds,
  });
}

/** A 2xx body that is not what was expected (HTML, not JSON, JSON that is not a completion). */
export function invalidResponseError(
  url: string,
  contentType: string | undefined,
  bodyText: string,
  why: string,
): RunError {
  const described = describeBody(contentType, bodyText, undefined);
  const advice =
    'Check that the profile’s base URL and endpoint point at an OpenAI-compatible completions API.';
  return withoutUndefined<RunError>({
    kind: 'invalid_response',
    title: 'The server’s answer is not a completion',
    message: [ensurePeriod(why), described, advice].filter(Boolean).join(' '),
    url,
    raw: truncateText(bodyText, RAW_LIMIT),
  });
}

/** An error frame inside an SSE stream (`data: {error…}` or `event: error`). */
export function streamErrorFromFrame(
  url: string,
  frameData: string,
  eventName: string | undefined,
): RunError {
  const parsed = tryParseJson(frameData);
  const payload = parsed.ok ? detectErrorPayload(parsed.value) : null;
  const text = frameData.trim();
  const message = payload
    ? ensurePeriod(
        payload.status
          ? `${payload.message.trim().replace(/\.$/, '')} (upstream status ${payload.status})`
          : payload.message,
      )
    : text
      ? `The server sent: “${truncateText(text, 500)}”.`
      : 'The server sent an empty error event.';
  return withoutUndefined<RunError>({
    kind: 'stream_error',
    title:
      eventName === 'error'
        ? 'The stream failed after it started (error event)'
        : 'The stream failed after it started',
    message,
    code: payload?.code,
    type: payload?.type,
    param: payload?.param,
    url,
    raw: truncateText(frameData, RAW_LIMIT),
  });
}

function kindForStatus(status: number): ErrorKind {
  if (status === 401) return 'auth';
  if (status === 402) return 'payment_required';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500 && status <= 599) return 'server_error';
  if (status >= 400 && status <= 499) return 'bad_request';
  return 'unknown';
}

interface Explanation {
  title: string;
  advice?: string;
  retryAfterSeconds?: number;
}

function explain(
  kind: ErrorKind,
  status: number,
  payload: ErrorPayload | null,
  headers: Record<string, string>,
  url: string,
): Explanation {
  switch (kind) {
    case 'auth':
      return {
        title: 'The provider rejected the key',
        advice:
          'Set a valid key for this profile (or check the environment variable it reads) and run again.',
      };
    case 'forbidden':
      return {
        title: 'Access denied',
        advice:
          'The key is not allowed to use this model or endpoint (for example a Bifrost virtual-key restriction).',
      };
    case 'not_found':
      return {
        title: 'Model or endpoint not found',
        advice: `Check the model name (Bifrost expects provider/model) and the profile’s endpoint (${pathOf(url)}).`,
      };
    case 'payment_required':
      return {
        title: 'Payment required',
        advice: 'The provider account has a billing problem (credits or budget).',
      };
    case 'rate_limited':
      return explainRateLimit(payload, headers);
    case 'server_error':
      return {
        title: serverErrorTitle(status),
        advice: 'The gateway or the upstream provider failed; running again may work.',
        retryAfterSeconds: parseRetryAfter(headers, undefined),
      };
    case 'bad_request':
      return {
        title: payload?.param ? `Bad request: ${payload.param}` : `Bad request (${status})`,
        advice: payload?.param ? `The server rejected the value of ${payload.param}.` : undefined,
      };
    default:
      return { title: `Unexpected status ${status}` };
  }
}

function explainRateLimit(payload: ErrorPayload | null, headers: Record<string, string>): Explanation {
  if (payload?.code === 'insufficient_quota' || payload?.type === 'insufficient_quota') {
    return {
      title: 'Quota exceeded',
      advice:
        'This is a quota or billing problem, not a temporary limit: retrying will not help. Check the plan and billing of the account.',
    };
  }
  const retryAfterSeconds = parseRetryAfter(headers, payload?.message);
  return {
    title: 'Rate limited',
    advice:
      retryAfterSeconds !== undefined
        ? `${formatRetryAfter(retryAfterSeconds)}.`
        : 'Wait a moment before running again.',
    retryAfterSeconds,
  };
}

function serverErrorTitle(status: number): string {
  if (status === 502) return 'Bad gateway (502)';
  if (status === 503) return 'Service unavailable (503)';
  if (status === 504) return 'Gateway timeout (504)';
  return `Server error (${status})`;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return hostOf(url);
  }
}

function ensurePeriod(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}
