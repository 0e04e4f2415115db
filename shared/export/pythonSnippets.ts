import { isRecord } from '../completions/jsonShape';
import {
  envKeyUsed,
  joinParts,
  prepareExport,
  type ExportHeader,
  type ExportOptions,
  type ExportSource,
  type KeyFill,
  type PreparedExport,
} from './exportRequest';
import { pythonStringLiteral, pythonValue } from './stringLiterals';
import { completionParamsSchema } from '../contracts/params';

/**
 * Python with `requests`: the same method, URL and headers, and `data=` the exact body bytes (the
 * body literal encoded as UTF-8; a `str` would be sent as Latin-1 by http.client). Streaming uses
 * `stream=True` and prints the SSE lines as they arrive.
 */
export function toPythonRequests(source: ExportSource, options: ExportOptions): string {
  const request = prepareExport(source, options);
  const call =
    request.method.toUpperCase() === 'POST'
      ? 'requests.post(url, headers=headers, data=body'
      : `requests.request(${pythonStringLiteral(request.method)}, url, headers=headers, data=body`;
  const lines = [
    ...imports(request, true, ['import requests']),
    `url = ${pythonStringLiteral(request.url)}`,
    'headers = {',
    ...request.headers.map(
      (header) => `    ${pythonStringLiteral(header.name)}: ${pyHeaderValue(header, request.key)},`,
    ),
    '}',
    '# The body exactly as the app sends it (its UTF-8 bytes).',
    `body = ${pythonStringLiteral(request.body)}.encode("utf-8")`,
    '',
  ];
  if (request.stream) {
    lines.push(
      `response = ${call}, stream=True)`,
      'print(response.status_code, response.reason, file=sys.stderr)',
      'for line in response.iter_lines():',
      '    if line:',
      '        print(line.decode("utf-8"), flush=True)',
    );
  } else {
    lines.push(
      `response = ${call})`,
      'print(response.status_code, response.reason, file=sys.stderr)',
      'print(response.content.decode("utf-8"))',
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Parameters `client.completions.create` takes by name: every field of the completions request except
 * Bifrost's `fallbacks`; anything else goes in `extra_body`.
 */
const SDK_PARAMS = new Set<string>(
  Object.keys(completionParamsSchema.shape).filter((name) => name !== 'fallbacks'),
);
/** Headers the SDK sets itself (the key travels as `api_key`, sent as Authorization: Bearer). */
const SDK_OWN_HEADERS = new Set(['content-type', 'accept', 'authorization', 'content-length']);

/**
 * Python with the openai SDK: `OpenAI(base_url=…, api_key=…)` and `completions.create(...)` with the
 * body's fields as parameters. Fields the SDK does not know (Bifrost's `fallbacks`) go in
 * `extra_body`; the app's other headers (x-bf-*, the Bifrost key header) in `default_headers`. The
 * SDK writes its own JSON, so this one is equivalent to the app's request, not byte-identical.
 */
export function toPythonOpenAI(source: ExportSource, options: ExportOptions): string {
  const request = prepareExport(source, options);
  const body = parseObject(request.body);
  const { baseUrl, exact } = sdkBaseUrl(request.url);
  const keyHeader = request.headers.find((header) => header.parts.some((part) => part.kind === 'key'));
  const apiKey = keyHeader ? pyKey(request.key) : '"none"';
  const extraHeaders = request.headers.filter((header) => !SDK_OWN_HEADERS.has(header.name.toLowerCase()));

  const lines = imports(request, false, ['from openai import OpenAI']);
  if (!exact) lines.push(`# The app posts to ${request.url}; the SDK posts to base_url + "/completions".`);
  if (!keyHeader) lines.push('# The app sends no key; the SDK requires some api_key value.');
  lines.push('client = OpenAI(', `    base_url=${pythonStringLiteral(baseUrl)},`, `    api_key=${apiKey},`);
  if (extraHeaders.length > 0) {
    lines.push('    default_headers={');
    for (const header of extraHeaders) {
      lines.push(`        ${pythonStringLiteral(header.name)}: ${pyHeaderValue(header, request.key)},`);
    }
    lines.push('    },');
  }
  lines.push(')', '');

  const params = Object.entries(body).filter(([name]) => SDK_PARAMS.has(name));
  const extra = Object.entries(body).filter(([name]) => !SDK_PARAMS.has(name));
  const streamed = body.stream === true;
  lines.push(`${streamed ? 'stream' : 'completion'} = client.completions.create(`);
  for (const [name, value] of params) lines.push(`    ${name}=${pythonValue(value)},`);
  if (extra.length > 0) lines.push(`    extra_body=${pythonValue(Object.fromEntries(extra))},`);
  lines.push(')');
  if (streamed) {
    lines.push(
      'for chunk in stream:',
      '    for choice in chunk.choices:',
      '        print(getattr(choice, "text", None) or "", end="", flush=True)',
      'print()',
    );
  } else {
    lines.push('for choice in completion.choices:', '    print(choice.text)');
  }
  return `${lines.join('\n')}\n`;
}

/** Standard-library imports, a blank line, the third-party ones, two blank lines (PEP 8). */
function imports(request: PreparedExport, needsSys: boolean, libraries: string[]): string[] {
  const standard = [...(envKeyUsed(request) ? ['import os'] : []), ...(needsSys ? ['import sys'] : [])];
  return [...standard, ...(standard.length > 0 ? [''] : []), ...libraries, '', ''];
}

/** `"Bearer " + os.environ["OPENAI_API_KEY"]`, or a literal when there is no key (or the real key). */
function pyHeaderValue(header: ExportHeader, key: KeyFill): string {
  if (key.kind === 'real') return pythonStringLiteral(joinParts(header.parts, key.value));
  const pieces = header.parts.map((part) =>
    part.kind === 'text' ? pythonStringLiteral(part.text) : pyKey(key),
  );
  return pieces.length === 0 ? '""' : pieces.join(' + ');
}

function pyKey(key: KeyFill): string {
  return key.kind === 'real'
    ? pythonStringLiteral(key.value)
    : `os.environ[${pythonStringLiteral(key.envVar)}]`;
}

/** base_url for the SDK: the URL without its final `/completions` (exact = the SDK hits the same URL). */
function sdkBaseUrl(url: string): { baseUrl: string; exact: boolean } {
  const match = /^(.*)\/completions\/?$/.exec(url);
  return match?.[1] ? { baseUrl: match[1], exact: true } : { baseUrl: url, exact: false };
}

function parseObject(body: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(body);
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}
