import type { CompletionParams } from '../contracts/params';
import { providerModelPattern } from '../contracts/params';
import { credentialHeaderNames, type ProviderKind } from '../contracts/profiles';
import { readKeyReference } from './keyReference';
import type { ParsedCurl } from './parseCurl';
import { paramsFromBody, type BodyField, type InvalidField } from './paramsFromBody';

/** Where the request goes, as profile fields (see matchProfile). */
export interface ProfileMatch {
  /** Origin of the URL, e.g. `http://localhost:8080`. */
  baseUrl: string;
  /** Path (and query) of the URL, e.g. `/v1/completions`. */
  endpoint: string;
  kind: ProviderKind;
  /** Extra headers to keep in the profile: not credentials, not the ones the app sets itself. */
  headers: Record<string, string>;
  /** The variable the command read its key from, when it is a valid key variable. */
  keyEnv?: string;
  /**
   * The key itself, when the command carried it literally: for the UI to offer storing it in the
   * key store. Never a profile header, never logged.
   */
  literalKey?: string;
}

export interface ImportedRequest {
  /** null when the command has no usable http(s) URL. */
  profileMatch: ProfileMatch | null;
  params: Partial<CompletionParams>;
  unknownFields: BodyField[];
  invalidFields: InvalidField[];
  /** Changes made while importing (e.g. a string `stop` became a list). */
  notes: string[];
  /** What could not be imported, or needs the user's attention. */
  problems: string[];
}

/** Headers the app sets on every request: imported as part of the request, not as profile headers. */
const APP_HEADERS = new Set(['content-type', 'accept', 'content-length', 'host', 'connection', 'expect']);
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const KEY_ENV = /^[A-Za-z_][A-Za-z0-9_]*(?:_KEY|_TOKEN)$/i;

/** Turns a parsed curl command into form params and the profile fields it implies. */
export function importRequest(parsed: ParsedCurl): ImportedRequest {
  const problems: string[] = [];
  const notes: string[] = [];
  if (parsed.method !== 'POST')
    problems.push(`The method is ${parsed.method}; completions are sent with POST.`);

  const body = parsed.body === null ? null : paramsFromBody(parsed.body);
  if (parsed.body === null && parsed.bodyFileNeeded === undefined) problems.push('The command has no body.');
  if (body) {
    problems.push(...body.problems);
    notes.push(...body.notes);
  }
  const params = body?.params ?? {};
  if (body && parsed.noBuffer && params.stream !== true) {
    problems.push('-N (no buffering) was given, but the body does not ask for streaming (stream: true).');
  }

  const profileMatch = parsed.url === null ? null : matchFromUrl(parsed, params, problems);
  return {
    profileMatch,
    params,
    unknownFields: body?.unknownFields ?? [],
    invalidFields: body?.invalidFields ?? [],
    notes,
    problems,
  };
}

function matchFromUrl(
  parsed: ParsedCurl,
  params: Partial<CompletionParams>,
  problems: string[],
): ProfileMatch | null {
  let url: URL;
  try {
    url = new URL(parsed.url ?? '');
  } catch {
    problems.push(`Not a URL: ${parsed.url ?? ''}`);
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.push(`Only http:// and https:// URLs can be used (got ${url.protocol}).`);
    return null;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(parsed.url ?? ''))
    problems.push('Credentials in the URL were left out.');
  const endpoint = `${url.pathname}${url.search}`;
  const match: ProfileMatch = {
    baseUrl: url.origin,
    endpoint,
    kind: guessKind(url, parsed, params),
    headers: {},
  };
  if (!/\/completions$/.test(url.pathname)) {
    problems.push(`The path ${url.pathname} is not a /completions endpoint.`);
  }
  for (const { name, value } of parsed.headers) {
    const lower = name.toLowerCase();
    if (credentialHeaderNames.includes(lower)) readCredential(name, value, match, problems);
    else if (APP_HEADERS.has(lower)) checkAppHeader(lower, value, problems);
    else if (!HEADER_NAME.test(name)) problems.push(`Not a valid header name, left out: ${name}`);
    else match.headers[name] = value;
  }
  return match;
}

function guessKind(url: URL, parsed: ParsedCurl, params: Partial<CompletionParams>): ProviderKind {
  if (url.hostname === 'api.openai.com') return 'openai';
  const bifrostHeaders = parsed.headers.some(({ name }) => name.toLowerCase().startsWith('x-bf-'));
  const hasFallbacks = params.fallbacks !== undefined && params.fallbacks.length > 0;
  const providerModel = typeof params.model === 'string' && providerModelPattern.test(params.model);
  if (bifrostHeaders || hasFallbacks || (providerModel && url.pathname === '/v1/completions'))
    return 'bifrost';
  return 'openai-compatible';
}

function readCredential(name: string, value: string, match: ProfileMatch, problems: string[]): void {
  const reference = readKeyReference(name, value);
  if (match.keyEnv !== undefined || match.literalKey !== undefined) {
    problems.push(`The ${name} header also carries a key; only the first key header is used.`);
    return;
  }
  switch (reference.kind) {
    case 'env':
      if (KEY_ENV.test(reference.envVar)) match.keyEnv = reference.envVar;
      else {
        problems.push(
          `The key comes from ${reference.envVar}, which cannot be a key variable (names end in _KEY or _TOKEN).`,
        );
      }
      return;
    case 'literal':
      match.literalKey = reference.key;
      problems.push(
        `The ${name} header holds a key itself: store it in the key store rather than in the profile.`,
      );
      return;
    case 'placeholder':
      problems.push(`The ${name} header holds a placeholder: set the key in the key field.`);
      return;
    case 'unsupported':
      problems.push(reference.reason);
  }
}

function checkAppHeader(lower: string, value: string, problems: string[]): void {
  if (lower === 'content-type' && !/^application\/json\b/i.test(value)) {
    problems.push(`Content-Type is ${value}; the app always sends application/json.`);
  }
}
