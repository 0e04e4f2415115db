import type { ExportHeader, HeaderPart, PreparedExport } from './exportRequest';

/** What every shell variant has in common: curl's own options, before any shell quoting. */

/** `-sS`, `-N` when the response is streamed, `--globoff` when the URL has `[]{}`. */
export function curlFlags(request: PreparedExport): string[] {
  const flags = ['-sS'];
  if (request.stream) flags.push('-N');
  // curl expands [a-b] and {a,b} in URLs (globbing); an IPv6 host or a brace must stay literal.
  if (/[[\]{}]/.test(request.url)) flags.push('--globoff');
  return flags;
}

/** `--data-binary` posts the text exactly; `--data-raw` when the body starts with `@` (a file name to curl). */
export function dataOption(body: string): string {
  return body.startsWith('@') ? '--data-raw' : '--data-binary';
}

/**
 * The `-H` argument for a header, as parts: `Name: value`, or `Name;` for an empty value
 * (`Name:` would tell curl to remove the header instead of sending it empty).
 */
export function headerArgParts(header: ExportHeader): HeaderPart[] {
  const isEmpty = header.parts.every((part) => part.kind === 'text' && part.text === '');
  if (isEmpty) return [{ kind: 'text', text: `${header.name};` }];
  return [{ kind: 'text', text: `${header.name}: ` }, ...header.parts];
}

/** Merges neighbouring text parts (so quoting sees whole literal runs). */
export function mergeText(parts: HeaderPart[]): HeaderPart[] {
  const merged: HeaderPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (part.kind === 'text' && last?.kind === 'text') last.text += part.text;
    else merged.push(part.kind === 'text' ? { kind: 'text', text: part.text } : part);
  }
  return merged;
}
