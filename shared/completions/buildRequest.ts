import type { CompletionParams } from '../contracts/params';
import type { Profile } from '../contracts/profiles';
import { isRecord } from './jsonShape';

export interface BuiltRequest {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  /** JSON body, exactly the bytes to send. */
  body: string;
  /** Whether the response will be an SSE stream (false when best_of > 1 forced streaming off). */
  stream: boolean;
  /** Human-readable notes on changes made to the form's values, e.g. streaming turned off. */
  notes: string[];
}

/** Placeholder put in place of a key wherever a request is shown rather than sent. */
export const KEY_PLACEHOLDER = '<key>';

/** Note added when `best_of > 1` turns streaming off. */
export const BEST_OF_STREAM_NOTE =
  'Streaming is off: best_of > 1 cannot be streamed (the server picks the best of several completions at the end).';
/** Note added when fallbacks are set for a profile that is not Bifrost. */
export const FALLBACKS_DROPPED_NOTE = 'Fallbacks are not sent: only Bifrost profiles understand them.';
/** Note added when stream_options is set but the request does not stream. */
export const STREAM_OPTIONS_DROPPED_NOTE =
  'stream_options is not sent: it only applies to streamed requests.';

/**
 * Turns validated params into the HTTP request for `profile`.
 * - unset fields are not sent; `stop` is always an array; `stream_options` only when streaming;
 *   `best_of > 1` turns streaming off (OpenAI rejects the combination) and says so in `notes`.
 * - `fallbacks` are sent only to `bifrost` profiles.
 * - The key goes in `x-bf-vk` for bifrost profiles, `Authorization: Bearer` otherwise; no header when no key.
 * - profile.headers are added as they are.
 * Body fields are written in a fixed order: model, prompt, suffix, max_tokens, temperature, top_p, n,
 * stream, stream_options, logprobs, echo, stop, presence_penalty, frequency_penalty, best_of,
 * logit_bias, user, seed, fallbacks. Empty `stop`, `fallbacks` and `logit_bias` are not sent.
 */
export function buildCompletionRequest(
  profile: Profile,
  params: CompletionParams,
  key: string | undefined,
): BuiltRequest {
  const notes: string[] = [];
  const bestOfForcesBatch = params.stream === true && params.best_of !== undefined && params.best_of > 1;
  if (bestOfForcesBatch) notes.push(BEST_OF_STREAM_NOTE);
  const stream = params.stream === true && !bestOfForcesBatch;

  const streamOptions = hasDefinedValue(params.stream_options) ? params.stream_options : undefined;
  if (streamOptions && !stream && !bestOfForcesBatch) notes.push(STREAM_OPTIONS_DROPPED_NOTE);

  const fallbacks = nonEmpty(params.fallbacks);
  if (fallbacks && profile.kind !== 'bifrost') notes.push(FALLBACKS_DROPPED_NOTE);

  const body: Record<string, unknown> = {
    model: params.model,
    prompt: params.prompt,
    suffix: params.suffix,
    max_tokens: params.max_tokens,
    temperature: params.temperature,
    top_p: params.top_p,
    n: params.n,
    stream: params.stream === undefined ? undefined : stream,
    stream_options: stream ? streamOptions : undefined,
    logprobs: params.logprobs,
    echo: params.echo,
    stop: nonEmpty(stopArray(params.stop)),
    presence_penalty: params.presence_penalty,
    frequency_penalty: params.frequency_penalty,
    best_of: params.best_of,
    logit_bias: hasDefinedValue(params.logit_bias) ? params.logit_bias : undefined,
    user: params.user,
    seed: params.seed,
    fallbacks: profile.kind === 'bifrost' ? fallbacks : undefined,
  };

  const headers: Record<string, string> = {};
  setHeader(headers, 'Content-Type', 'application/json');
  setHeader(headers, 'Accept', stream ? 'text/event-stream' : 'application/json');
  addProfileAndKeyHeaders(headers, profile, key);

  return {
    method: 'POST',
    url: joinUrl(profile.baseUrl, profile.endpoint),
    headers,
    // JSON.stringify leaves out the undefined (unset) fields and keeps the order above.
    body: JSON.stringify(body),
    stream,
    notes,
  };
}

/** `GET` URL of the model list: the completions endpoint with `/completions` replaced by `/models`. */
export function modelsUrl(profile: Profile): string {
  const endpoint = profile.endpoint.replace(/\/+$/, '');
  if (/\/completions$/.test(endpoint)) {
    return joinUrl(profile.baseUrl, endpoint.replace(/\/completions$/, '/models'));
  }
  return joinUrl(profile.baseUrl, '/v1/models');
}

/** Headers to send with `GET /models` (profile headers + key header). */
export function authHeaders(profile: Profile, key: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  setHeader(headers, 'Accept', 'application/json');
  addProfileAndKeyHeaders(headers, profile, key);
  return headers;
}

/** The header a key travels in for this profile: `x-bf-vk` for Bifrost, `Authorization` otherwise. */
export function keyHeaderName(profile: Pick<Profile, 'kind'>): string {
  return profile.kind === 'bifrost' ? 'x-bf-vk' : 'Authorization';
}

function addProfileAndKeyHeaders(
  headers: Record<string, string>,
  profile: Profile,
  key: string | undefined,
): void {
  for (const [name, value] of Object.entries(profile.headers)) setHeader(headers, name, value);
  const trimmedKey = typeof key === 'string' ? key.trim() : '';
  if (trimmedKey === '') return;
  if (profile.kind === 'bifrost') setHeader(headers, 'x-bf-vk', trimmedKey);
  else setHeader(headers, 'Authorization', `Bearer ${trimmedKey}`);
}

/** Sets a header, replacing any header of the same name in another case (fetch would merge them). */
function setHeader(headers: Record<string, string>, name: string, value: string): void {
  const lower = name.toLowerCase();
  for (const existing of Object.keys(headers)) {
    if (existing.toLowerCase() === lower) delete headers[existing];
  }
  headers[name] = value;
}

function joinUrl(baseUrl: string, path: string): string {
  return baseUrl.trim().replace(/\/+$/, '') + path;
}

function stopArray(stop: unknown): string[] | undefined {
  if (typeof stop === 'string') return [stop];
  if (Array.isArray(stop)) return stop.filter((entry): entry is string => typeof entry === 'string');
  return undefined;
}

function nonEmpty<T>(list: T[] | undefined): T[] | undefined {
  return list && list.length > 0 ? list : undefined;
}

function hasDefinedValue(value: unknown): boolean {
  return isRecord(value) && Object.values(value).some((entry) => entry !== undefined);
}
