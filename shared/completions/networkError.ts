import type { RunError } from '../contracts/runs';
import { hostOf } from './errorText';
import { isRecord, nonEmptyStringOf, withoutUndefined } from './jsonShape';

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);
const TLS_CODE_PREFIXES = ['CERT_', 'ERR_SSL_', 'ERR_TLS_'];
const TLS_MESSAGE = /\b(ssl|tls|certificate)\b/i;
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED']);
/** Bounds the walk over `cause` / `errors` (a cycle or a huge AggregateError must not hang us). */
const MAX_ERRORS_VISITED = 16;

interface ErrorFacts {
  codes: string[];
  messages: string[];
}

/**
 * A thrown fetch error (Node/undici: `TypeError('fetch failed')` with `cause.code` such as ECONNREFUSED,
 * ENOTFOUND, EAI_AGAIN, CERT_*, ERR_SSL_*, ECONNRESET, UND_ERR_*) → RunError. `url` is the request URL;
 * `baseUrl` is used in "No gateway at <baseUrl>". Only the shape of the value is inspected (no
 * `instanceof`): it may come from any realm.
 */
export function classifyNetworkError(error: unknown, url: string, baseUrl: string): RunError {
  const { codes, messages } = collectFacts(error);
  const host = hostOf(url);
  const detail = messages.join(': ') || String(error);
  const make = (fields: Omit<RunError, 'url'>): RunError => withoutUndefined<RunError>({ ...fields, url });

  const refused = codes.find((code) => code === 'ECONNREFUSED');
  if (refused) {
    return make({
      kind: 'connection_refused',
      code: refused,
      title: `No gateway at ${baseUrl}`,
      message: `Nothing is listening at ${baseUrl}. Is Bifrost (or your server) running?`,
    });
  }
  const dns = codes.find((code) => code === 'ENOTFOUND' || code === 'EAI_AGAIN');
  if (dns) {
    const hostname = hostnameOf(url);
    return make({
      kind: 'dns',
      code: dns,
      title: `Cannot resolve ${hostname}`,
      message:
        dns === 'EAI_AGAIN'
          ? `Looking up ${hostname} failed for now (DNS did not answer). Check your network connection and try again.`
          : `No address was found for ${hostname}. Check the profile’s base URL and your network connection.`,
    });
  }
  const tlsCode = codes.find(isTlsCode);
  if (tlsCode || messages.some((message) => TLS_MESSAGE.test(message))) {
    return make({
      kind: 'tls',
      code: tlsCode,
      title: `Secure connection to ${host} failed`,
      message: tlsMessage(tlsCode, detail),
    });
  }
  if (messages.some((message) => /\bbad port\b/i.test(message))) {
    return make({
      kind: 'network',
      title: `Port ${portOf(url)} is blocked`,
      message: `fetch refuses to connect to port ${portOf(url)} (it is on the list of unsafe ports that browsers and Node block). Run the server on another port.`,
    });
  }
  const code = codes[0];
  if (code) {
    return make({
      kind: 'network',
      code,
      title: networkTitle(code, host),
      message: networkMessage(code, detail),
    });
  }
  return make({ kind: 'unknown', title: `Request to ${host} failed`, message: detail });
}

function collectFacts(error: unknown): ErrorFacts {
  const facts: ErrorFacts = { codes: [], messages: [] };
  const queue: unknown[] = [error];
  const seen = new Set<unknown>();
  while (queue.length > 0 && seen.size < MAX_ERRORS_VISITED) {
    const current = queue.shift();
    // Error objects pass isRecord: their `code`, `message`, `cause` and `errors` are read by name.
    if (!isRecord(current) || seen.has(current)) continue;
    seen.add(current);
    const code = nonEmptyStringOf(current.code);
    if (code && !facts.codes.includes(code)) facts.codes.push(code);
    const message = nonEmptyStringOf(current.message)?.trim();
    if (message && !facts.messages.includes(message)) facts.messages.push(message);
    queue.push(current.cause);
    // AggregateError (e.g. both ::1 and 127.0.0.1 refused the connection).
    if (Array.isArray(current.errors)) queue.push(...current.errors.slice(0, MAX_ERRORS_VISITED));
  }
  return facts;
}

function isTlsCode(code: string): boolean {
  return TLS_CODES.has(code) || TLS_CODE_PREFIXES.some((prefix) => code.startsWith(prefix));
}

function tlsMessage(code: string | undefined, detail: string): string {
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(detail)) {
    return `The server does not seem to speak HTTPS (${detail}). If it is a local server, use an http:// base URL.`;
  }
  if (code && (code.includes('SELF_SIGNED') || code.startsWith('UNABLE_TO_'))) {
    return `The server’s certificate is not trusted (${code}). A self-signed or private certificate must be trusted by the system (or NODE_EXTRA_CA_CERTS) first.`;
  }
  return `The TLS handshake or certificate check failed (${code ?? detail}). Check the base URL and the server’s certificate.`;
}

function networkTitle(code: string, host: string): string {
  if (TIMEOUT_CODES.has(code)) return `Connection to ${host} timed out`;
  if (RESET_CODES.has(code)) return `Connection to ${host} was cut`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `Cannot reach ${host}`;
  return `Connection to ${host} failed`;
}

function networkMessage(code: string, detail: string): string {
  if (TIMEOUT_CODES.has(code))
    return `The server did not answer in time (${code}). Check that it is up and reachable.`;
  if (RESET_CODES.has(code)) {
    return `The connection was closed before the answer was complete (${code}). A proxy or the server may have dropped it; running again may work.`;
  }
  return `The request could not be completed (${code}: ${detail}). Check the base URL and your network.`;
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname || url;
  } catch {
    return url;
  }
}

function portOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  } catch {
    return '?';
  }
}
