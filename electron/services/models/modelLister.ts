import { authHeaders, modelsUrl } from '@shared/completions/buildRequest';
import { classifyNetworkError } from '@shared/completions/classifyError';
import { detectErrorPayload } from '@shared/completions/normalize';
import { redactSecrets } from '@shared/completions/redact';
import type { ModelInfo, ModelList } from '@shared/contracts/models';
import type { Profile } from '@shared/contracts/profiles';

/** GET-only fetch, as the global fetch or Electron's net.fetch. */
export type GetFetch = (
  url: string,
  /** redirect 'manual': the key header must not follow a redirect elsewhere. */
  init: { method: 'GET'; headers: Record<string, string>; signal: AbortSignal; redirect: 'manual' },
) => Promise<Response>;

export const MODEL_LIST_TIMEOUT_MS = 5000;
const MAX_BODY_BYTES = 8 * 1024 * 1024;

type Fetched =
  | { ok: true; url: string; status: number; text: string }
  | { ok: false; url: string; reason: string; kind: 'network' | 'timeout'; refused: boolean };

async function getModels(
  profile: Profile,
  key: string | undefined,
  fetch: GetFetch,
  timeoutMs: number,
): Promise<Fetched> {
  const url = modelsUrl(profile);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, {
      method: 'GET',
      headers: authHeaders(profile, key),
      signal: controller.signal,
      redirect: 'manual',
    });
    const text = await response.text();
    return {
      ok: true,
      url,
      status: response.status,
      text: redactSecrets(text.slice(0, MAX_BODY_BYTES), [key]),
    };
  } catch (error) {
    if (controller.signal.aborted) {
      return {
        ok: false,
        url,
        kind: 'timeout',
        refused: false,
        reason: `No answer from ${url} within ${timeoutMs / 1000} s.`,
      };
    }
    const classified = classifyNetworkError(error, url, profile.baseUrl);
    const refused = classified.kind === 'connection_refused';
    return {
      ok: false,
      url,
      kind: 'network',
      refused,
      reason: refused ? `No gateway at ${profile.baseUrl}.` : classified.title,
    };
  } finally {
    clearTimeout(timer);
  }
}

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const num = (value: unknown): number | undefined => {
  const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : undefined;
};
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One entry of `data[]` → ModelInfo (pricing decimal strings → numbers); undefined without an id. */
export function toModelInfo(raw: unknown): ModelInfo | undefined {
  if (!isRecord(raw)) return undefined;
  const id = str(raw.id);
  if (id === undefined) return undefined;
  const info: ModelInfo = { id };
  const name = str(raw.name);
  if (name !== undefined) info.name = name;
  const contextLength = num(raw.context_length) ?? num(raw.max_input_tokens);
  if (contextLength !== undefined) info.contextLength = contextLength;
  const maxOutputTokens = num(raw.max_output_tokens);
  if (maxOutputTokens !== undefined) info.maxOutputTokens = maxOutputTokens;
  const ownedBy = str(raw.owned_by);
  if (ownedBy !== undefined) info.ownedBy = ownedBy;
  if (isRecord(raw.pricing)) {
    const prompt = num(raw.pricing.prompt);
    const completion = num(raw.pricing.completion);
    if (prompt !== undefined || completion !== undefined) {
      info.pricing = {};
      if (prompt !== undefined) info.pricing.prompt = prompt;
      if (completion !== undefined) info.pricing.completion = completion;
    }
  }
  return info;
}

function statusReason(url: string, status: number, text: string): string {
  let said = '';
  try {
    said = detectErrorPayload(JSON.parse(text))?.message ?? '';
  } catch {
    // Not JSON: the status says enough.
  }
  if (status === 401 || status === 403)
    return `The gateway rejected the key (${status}) at ${url}${said ? `: ${said}` : '.'}`;
  if (status >= 300 && status < 400) {
    return `${url} redirected (${status}); redirects are not followed with a key: use the final address as the base URL.`;
  }
  if (status === 404) return `${url} does not list models (404). The server may not support GET /models.`;
  return `${url} answered ${status}${said ? `: ${said}` : '.'}`;
}

/** GET the profile's model list. Never throws: a failure is an empty list with the reason. */
export async function listModels(
  profile: Profile,
  key: string | undefined,
  fetch: GetFetch,
  options: { timeoutMs?: number } = {},
): Promise<ModelList> {
  let fetched: Fetched;
  try {
    fetched = await getModels(profile, key, fetch, options.timeoutMs ?? MODEL_LIST_TIMEOUT_MS);
  } catch (error) {
    return {
      models: [],
      error: `The model list could not be requested: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (!fetched.ok) return { models: [], error: fetched.reason };
  const { url, status, text } = fetched;
  if (status < 200 || status > 299) return { models: [], error: statusReason(url, status, text) };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { models: [], error: `${url} did not answer with JSON; check the profile’s base URL.` };
  }
  const data = isRecord(json) ? json.data : undefined;
  if (!Array.isArray(data)) return { models: [], error: `${url} answered without a "data" list of models.` };
  const models = data.map(toModelInfo).filter((model): model is ModelInfo => model !== undefined);
  if (models.length === 0) return { models, error: `${url} lists no models.` };
  return { models };
}

/** keys.test: the model-list request with the profile's key, judged by its status. */
export async function testKey(
  profile: Profile,
  key: string | undefined,
  fetch: GetFetch,
  options: { timeoutMs?: number } = {},
): Promise<{ ok: boolean; message: string }> {
  let fetched: Fetched;
  try {
    fetched = await getModels(profile, key, fetch, options.timeoutMs ?? MODEL_LIST_TIMEOUT_MS);
  } catch (error) {
    return {
      ok: false,
      message: `The key could not be tested: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (!fetched.ok) return { ok: false, message: fetched.reason };
  const { url, status, text } = fetched;
  if (status >= 200 && status <= 299) {
    return { ok: true, message: key ? `Key accepted by ${url}` : `${url} answered without a key` };
  }
  if (status === 401 || status === 403) return { ok: false, message: 'The gateway rejected the key' };
  return { ok: false, message: statusReason(url, status, text) };
}
