import { curlFlags, dataOption, headerArgParts, mergeText } from './curlArgs';
import { joinParts, type HeaderPart, type PreparedExport } from './exportRequest';
import { isPosixDoubleQuoteSafe, posixQuote } from './shellQuote';

/**
 * curl for sh/bash/zsh: one option per line, `\` continuations, every literal in single quotes.
 * The key is read from the environment with `"$VAR"`, the only double-quoted text.
 */
export function posixCurl(request: PreparedExport): string {
  const lines = [
    `curl ${curlFlags(request).join(' ')} -X ${request.method} ${posixQuote(request.url)}`,
    ...request.headers.map((header) => `-H ${posixHeaderArg(headerArgParts(header), request)}`),
    `${dataOption(request.body)} ${posixQuote(request.body)}`,
  ];
  return lines.join(' \\\n  ');
}

function posixHeaderArg(parts: HeaderPart[], request: PreparedExport): string {
  const key = request.key;
  if (key.kind === 'real') return posixQuote(joinParts(parts, key.value));
  const merged = mergeText(parts);
  if (!merged.some((part) => part.kind === 'key')) return posixQuote(joinParts(merged, ''));
  const safe = merged.every((part) => part.kind === 'key' || isPosixDoubleQuoteSafe(part.text));
  if (safe) {
    // "x-bf-vk: $BIFROST_API_KEY": nothing but the variable can expand in this text.
    const body = merged.map((part, index) => {
      if (part.kind === 'text') return part.text;
      const next = merged[index + 1];
      const braces = next?.kind === 'text' && /^\w/.test(next.text);
      return braces ? `\${${key.envVar}}` : `$${key.envVar}`;
    });
    return `"${body.join('')}"`;
  }
  // Text with characters that would expand in double quotes: single-quote it, double-quote only the variable.
  return merged
    .map((part) => (part.kind === 'text' ? posixQuote(part.text) : `"\${${key.envVar}}"`))
    .join('');
}
