import { KEY_PLACEHOLDER, keyHeaderName } from '../completions/buildRequest';
import { credentialHeaderNames, type ProviderKind } from '../contracts/profiles';

/**
 * A request as the app sends it: a `RequestPreview` (key replaced by KEY_PLACEHOLDER) or a
 * `BuiltRequest` (real key in its key header). `stream` is optional because previews do not carry it.
 */
export interface ExportSource {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The body, byte for byte as the app sends it (UTF-8 of this string). */
  body: string;
  stream?: boolean;
}

export interface ExportOptions {
  profileKind: ProviderKind;
  /** Variable the exported command reads the key from. Default: defaultKeyEnvVar(profileKind). */
  keyEnvVar?: string;
  /**
   * Puts the real key in the export. Only after the user chose it explicitly and saw
   * REAL_KEY_WARNING: the copied text then contains a secret.
   */
  includeRealKey?: { key: string };
  /** Whether the response is streamed. Default: the source's `stream`, else its Accept header. */
  stream?: boolean;
}

/** Shown next to the "include the real key" choice, and returned in the notes of such an export. */
export const REAL_KEY_WARNING =
  'This export contains your real API key. Anyone who sees it (chat, ticket, screenshot, shell history) can use the key.';

/** A header value cut around the key: literal text, and the places the key goes. */
export type HeaderPart = { kind: 'text'; text: string } | { kind: 'key' };

export interface ExportHeader {
  name: string;
  parts: HeaderPart[];
}

/** How the key slots are filled in an export. */
export type KeyFill = { kind: 'env'; envVar: string } | { kind: 'real'; value: string };

/** Everything an exporter needs, with the key taken out of the header values. */
export interface PreparedExport {
  method: string;
  url: string;
  headers: ExportHeader[];
  body: string;
  stream: boolean;
  key: KeyFill;
}

const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function defaultKeyEnvVar(profileKind: ProviderKind): string {
  return profileKind === 'bifrost' ? 'BIFROST_API_KEY' : 'OPENAI_API_KEY';
}

/**
 * Separates the key from the headers. In the key header (x-bf-vk for Bifrost, Authorization
 * otherwise) and in any credential header, the key is found as KEY_PLACEHOLDER, as the real key when
 * one is given, or else is assumed to be the whole value (after `Bearer `): a real key in the source
 * never reaches an export unless `includeRealKey` asks for it.
 */
export function prepareExport(source: ExportSource, options: ExportOptions): PreparedExport {
  const envVar = options.keyEnvVar ?? defaultKeyEnvVar(options.profileKind);
  if (!ENV_VAR_NAME.test(envVar)) throw new Error(`Not a valid environment variable name: ${envVar}`);
  // The method is written unquoted (`-X POST`); only an HTTP token may be.
  if (!/^[A-Za-z]+$/.test(source.method)) throw new Error(`Not an HTTP method: ${source.method}`);
  const realKey = options.includeRealKey?.key.trim();
  const keyHeader = keyHeaderName({ kind: options.profileKind }).toLowerCase();

  const headers = Object.entries(source.headers).map(([name, value]): ExportHeader => {
    const lower = name.toLowerCase();
    const carriesKey = lower === keyHeader || credentialHeaderNames.includes(lower);
    return { name, parts: splitKey(value, carriesKey, realKey) };
  });

  return {
    method: source.method,
    url: source.url,
    headers,
    body: source.body,
    stream: options.stream ?? source.stream ?? acceptsEventStream(source.headers),
    key: realKey ? { kind: 'real', value: realKey } : { kind: 'env', envVar },
  };
}

/** The header value with each key slot replaced by `keyText` (as a target language writes it). */
export function joinParts(parts: HeaderPart[], keyText: string): string {
  return parts.map((part) => (part.kind === 'key' ? keyText : part.text)).join('');
}

export function hasKey(header: ExportHeader): boolean {
  return header.parts.some((part) => part.kind === 'key');
}

/** The variable the export reads the key from, when some header carries the key from the environment. */
export function envKeyUsed(request: PreparedExport): string | undefined {
  return request.key.kind === 'env' && request.headers.some(hasKey) ? request.key.envVar : undefined;
}

/** True when the source asks for an SSE response. */
export function acceptsEventStream(headers: Record<string, string>): boolean {
  return Object.entries(headers).some(
    ([name, value]) => name.toLowerCase() === 'accept' && /text\/event-stream/i.test(value),
  );
}

function splitKey(value: string, carriesKey: boolean, realKey: string | undefined): HeaderPart[] {
  if (value.includes(KEY_PLACEHOLDER)) return splitOn(value, KEY_PLACEHOLDER);
  if (!carriesKey) return [{ kind: 'text', text: value }];
  if (realKey && value.includes(realKey)) return splitOn(value, realKey);
  const bearer = /^(Bearer\s+)(\S.*)$/i.exec(value);
  if (bearer?.[1]) return [{ kind: 'text', text: bearer[1] }, { kind: 'key' }];
  return value.trim() === '' ? [{ kind: 'text', text: value }] : [{ kind: 'key' }];
}

function splitOn(value: string, separator: string): HeaderPart[] {
  const parts: HeaderPart[] = [];
  value.split(separator).forEach((text, index) => {
    if (index > 0) parts.push({ kind: 'key' });
    if (text !== '') parts.push({ kind: 'text', text });
  });
  return parts;
}
