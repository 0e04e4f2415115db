import type { CompletionParams } from '../contracts/params';
import type { Profile } from '../contracts/profiles';

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

/**
 * Turns validated params into the HTTP request for `profile`.
 * - unset fields are not sent; `stop` is always an array; `stream_options` only when streaming;
 *   `best_of > 1` turns streaming off (OpenAI rejects the combination) and says so in `notes`.
 * - `fallbacks` are sent only to `bifrost` profiles.
 * - The key goes in `x-bf-vk` for bifrost profiles, `Authorization: Bearer` otherwise; no header when no key.
 * - profile.headers are added as they are.
 */
export function buildCompletionRequest(
  _profile: Profile,
  _params: CompletionParams,
  _key: string | undefined,
): BuiltRequest {
  throw new Error('not implemented');
}

/** `GET` URL of the model list: the completions endpoint with `/completions` replaced by `/models`. */
export function modelsUrl(_profile: Profile): string {
  throw new Error('not implemented');
}

/** Headers to send with `GET /models` (profile headers + key header). */
export function authHeaders(_profile: Profile, _key: string | undefined): Record<string, string> {
  throw new Error('not implemented');
}
