import {
  envKeyUsed,
  joinParts,
  prepareExport,
  type ExportHeader,
  type ExportOptions,
  type ExportSource,
  type KeyFill,
} from './exportRequest';
import { jsStringLiteral } from './stringLiterals';

export { toPythonOpenAI, toPythonRequests } from './pythonSnippets';

/**
 * The body alone. By default exactly the bytes the app sends; `pretty` re-indents it for reading
 * (then it is no longer byte-identical; a body that is not JSON is returned as it is).
 */
export function toJsonBody(source: Pick<ExportSource, 'body'>, options: { pretty?: boolean } = {}): string {
  if (!options.pretty) return source.body;
  try {
    return JSON.stringify(JSON.parse(source.body) as unknown, null, 2);
  } catch {
    return source.body;
  }
}

/**
 * JavaScript (Node 18+ as an ES module, top-level await) calling fetch with the same method, URL,
 * headers and body. The body is a string literal whose value is exactly the body the app sends
 * (fetch encodes it as UTF-8, as the app does). The key comes from `process.env.VAR`.
 */
export function toFetch(source: ExportSource, options: ExportOptions): string {
  const request = prepareExport(source, options);
  const envVar = envKeyUsed(request);
  const headers = request.headers.map(
    (header) => `    ${jsStringLiteral(header.name)}: ${jsHeaderValue(header, request.key)},`,
  );
  const lines = [
    ...(envVar ? [`if (!process.env.${envVar}) throw new Error("Set ${envVar} first");`] : []),
    `const response = await fetch(${jsStringLiteral(request.url)}, {`,
    `  method: ${jsStringLiteral(request.method)},`,
    '  headers: {',
    ...headers,
    '  },',
    '  // The body exactly as the app sends it.',
    `  body: ${jsStringLiteral(request.body)},`,
    '});',
    'console.error(response.status, response.statusText);',
  ];
  if (request.stream) {
    lines.push(
      'const decoder = new TextDecoder();',
      'for await (const chunk of response.body) {',
      '  process.stdout.write(decoder.decode(chunk, { stream: true }));',
      '}',
    );
  } else {
    lines.push('console.log(await response.text());');
  }
  return `${lines.join('\n')}\n`;
}

/** `"Bearer " + process.env.OPENAI_API_KEY`, or a literal when the value has no key (or the real key). */
function jsHeaderValue(header: ExportHeader, key: KeyFill): string {
  if (key.kind === 'real') return jsStringLiteral(joinParts(header.parts, key.value));
  const pieces = header.parts.map((part) =>
    part.kind === 'text' ? jsStringLiteral(part.text) : `process.env.${key.envVar}`,
  );
  return pieces.length === 0 ? '""' : pieces.join(' + ');
}
