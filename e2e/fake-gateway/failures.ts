import type { ModelRef } from './types';

/** Failures answered with a Bifrost error envelope and this HTTP status (before any stream opens). */
export const STATUS_MODES = ['400', '401', '402', '403', '404', '429', '500', '502', '503', '504'] as const;
/** Something that is not Bifrost answered (a proxy page, a web server): no envelope, no `x-bifrost-*`. */
export const RAW_MODES = ['html', 'html-200', 'non-json'] as const;
/** The response starts (or is awaited) and then goes wrong. */
export const STREAM_MODES = [
  'midstream',
  'event-error',
  'truncated',
  'drop',
  'no-first-byte',
  'stall',
] as const;

/**
 * A provider (or a proxy in front of it) that puts the request's headers, the key included, in its
 * error: the app must redact the key from everything it shows, stores or logs.
 */
export const ECHO_MODE = 'echo-headers';

export type StatusMode = (typeof STATUS_MODES)[number];
export type RawMode = (typeof RAW_MODES)[number];
export type StreamMode = (typeof STREAM_MODES)[number];
export type EchoMode = typeof ECHO_MODE;
export type FailureMode = StatusMode | RawMode | StreamMode | EchoMode;

const ALL_MODES: readonly string[] = [...STATUS_MODES, ...RAW_MODES, ...STREAM_MODES, ECHO_MODE];

export function parseFailureMode(value: string): FailureMode | undefined {
  const trimmed = value.trim().toLowerCase();
  return ALL_MODES.includes(trimmed) ? (trimmed as FailureMode) : undefined;
}

export function isStatusMode(mode: FailureMode): mode is StatusMode {
  return (STATUS_MODES as readonly string[]).includes(mode);
}

export function isRawMode(mode: FailureMode): mode is RawMode {
  return (RAW_MODES as readonly string[]).includes(mode);
}

/** Stream modes that go wrong once the stream is open (`no-first-byte` never opens it). */
export function isOpenStreamMode(mode: FailureMode): mode is Exclude<StreamMode, 'no-first-byte'> {
  return mode !== 'no-first-byte' && (STREAM_MODES as readonly string[]).includes(mode);
}

/** What Bifrost retries with fallbacks: 401, 402, 403, 429 and 5xx. 400/404 (caller errors) are final. */
export function isRetryableStatus(status: number): boolean {
  return status === 401 || status === 402 || status === 403 || status === 429 || status >= 500;
}

/** A provider or governance error, as Bifrost's `BifrostError`. */
export interface ErrorSpec {
  status: number;
  isBifrostError: boolean;
  /** Top-level `type` (Bifrost sets it for governance blocks, e.g. "model_blocked"). */
  type?: string;
  error: { type?: string; code?: string; message: string; param?: string };
  /** `extra_fields.error_type`, Bifrost's closed vocabulary. */
  errorType: string;
  headers?: Record<string, string>;
}

export function statusModeError(mode: StatusMode, ref: ModelRef): ErrorSpec {
  const base = { isBifrostError: false };
  switch (mode) {
    case '400':
      return {
        ...base,
        status: 400,
        error: {
          type: 'invalid_request_error',
          message: 'temperature must be between 0 and 2',
          param: 'temperature',
        },
        errorType: 'caller_invalid_request',
      };
    case '401':
      return {
        ...base,
        status: 401,
        error: {
          type: 'authentication_error',
          code: 'invalid_api_key',
          message: `Incorrect API key provided for provider ${ref.provider}. Check the provider key configured in Bifrost.`,
        },
        errorType: 'provider_auth_failed',
      };
    case '402':
      return {
        ...base,
        status: 402,
        error: {
          type: 'insufficient_quota',
          code: 'insufficient_quota',
          message: 'You exceeded your current quota, please check your plan and billing details.',
        },
        errorType: 'provider_billing',
      };
    case '403':
      return {
        ...base,
        status: 403,
        type: 'model_blocked',
        error: { type: 'model_blocked', message: `Model '${ref.model}' is not allowed for this virtual key` },
        errorType: 'policy_model_blocked',
      };
    case '404':
      return {
        ...base,
        status: 404,
        error: {
          type: 'invalid_request_error',
          code: 'model_not_found',
          message: `The model \`${ref.model}\` does not exist or you do not have access to it.`,
          param: 'model',
        },
        errorType: 'caller_model_unknown',
      };
    case '429':
      return {
        ...base,
        status: 429,
        error: {
          type: 'rate_limit_exceeded',
          code: 'rate_limit_exceeded',
          message: 'Rate limit reached for requests. Please try again in 7s.',
        },
        errorType: 'provider_rate_limited',
        headers: { 'retry-after': '7' },
      };
    case '500':
      return {
        ...base,
        status: 500,
        error: { type: 'server_error', message: 'The server had an error while processing your request.' },
        errorType: 'provider_server_error',
      };
    case '502':
      return {
        ...base,
        status: 502,
        type: 'provider_connection_failed',
        error: {
          type: 'provider_connection_failed',
          message: 'bad gateway: could not connect to the provider',
        },
        errorType: 'provider_connection_failed',
      };
    case '503':
      return {
        ...base,
        status: 503,
        error: {
          type: 'server_error',
          message: 'The engine is currently overloaded, please try again later.',
        },
        errorType: 'provider_overloaded',
      };
    case '504':
      return {
        ...base,
        status: 504,
        type: 'request_timed_out',
        error: { type: 'request_timed_out', message: 'gateway timeout: the provider did not answer in time' },
        errorType: 'provider_timeout',
      };
  }
}

/** Request headers that carry credentials: `echo-headers` also sends each back as `x-bifrost-echo-<name>`. */
export const CREDENTIAL_HEADERS = ['authorization', 'x-bf-vk', 'x-api-key', 'api-key', 'proxy-authorization'];

/**
 * `echo-headers`: a 400 whose message quotes every request header (lower-case names, as received) and
 * whose response headers repeat the credential ones. The `x-bifrost-` prefix (not a real Bifrost
 * header) makes the app treat them like the routing headers it shows, so their redaction is tested too.
 */
export function echoHeadersError(requestHeaders: Readonly<Record<string, string>>): ErrorSpec {
  const echoed: Record<string, string> = {};
  for (const name of CREDENTIAL_HEADERS) {
    const value = requestHeaders[name];
    if (value !== undefined) echoed[`x-bifrost-echo-${name}`] = value;
  }
  return {
    status: 400,
    isBifrostError: false,
    error: {
      type: 'invalid_request_error',
      message: `Unsupported request headers: ${JSON.stringify(requestHeaders)}`,
      param: 'headers',
    },
    errorType: 'caller_invalid_request',
    headers: echoed,
  };
}

/** `fail/<mode>` or `x-fake-fail: <mode>` with a mode the fake does not know: a 400, never retried. */
export function unknownModeError(value: string): ErrorSpec {
  return {
    status: 400,
    isBifrostError: false,
    error: {
      type: 'invalid_request_error',
      message: `Unknown fake failure mode "${value.slice(0, 40)}". Known modes: ${ALL_MODES.join(', ')}.`,
      param: 'model',
    },
    errorType: 'caller_invalid_request',
  };
}

/** A provider-side parameter check (OpenAI-like), e.g. n < 1 or best_of with stream. Never retried. */
export function invalidParamError(message: string, param: string, code?: string): ErrorSpec {
  return {
    status: 400,
    isBifrostError: false,
    error: { type: 'invalid_request_error', message, param, ...(code ? { code } : {}) },
    errorType: 'caller_invalid_request',
  };
}

/** The JSON body of a `BifrostError`. */
export function errorEnvelope(
  spec: ErrorSpec,
  extraFields: Record<string, unknown>,
): Record<string, unknown> {
  return {
    ...(spec.type ? { type: spec.type } : {}),
    is_bifrost_error: spec.isBifrostError,
    status_code: spec.status,
    error: spec.error,
    extra_fields: { ...extraFields, error_type: spec.errorType },
  };
}

/** Transport-level validation (Bifrost `SendError`): no routing, just the message. */
export function transportErrorBody(status: number, message: string): Record<string, unknown> {
  return { is_bifrost_error: false, status_code: status, error: { message } };
}

/** The `data:` frame Bifrost sends when the upstream dies mid-stream (no `event:` line for text streams). */
export function midstreamErrorFrame(extraFields: Record<string, unknown>): Record<string, unknown> {
  return {
    is_bifrost_error: false,
    status_code: 500,
    error: { message: 'upstream connection reset' },
    extra_fields: { ...extraFields, error_type: 'provider_connection_failed' },
  };
}

export const EVENT_ERROR_FRAME = 'event: error\ndata: {"error":"stream interceptor failed"}\n\n';

/** What an nginx in front of the gateway answers when the gateway is down. */
export const HTML_502_BODY =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n';

/** A web page answering with 200: e.g. the base URL points at a web UI instead of the API. */
export const HTML_200_BODY =
  '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Bifrost</title></head>\n<body><div id="root"></div><script type="module" src="/assets/index.js"></script></body>\n</html>\n';
