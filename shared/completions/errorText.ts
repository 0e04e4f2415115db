import { tryParseJson } from './jsonShape';

/** Longest `raw` kept on a RunError: 64 KiB of text. */
export const RAW_LIMIT = 64 * 1024;

/**
 * One sentence about a body that is not a JSON error: empty, an HTML page (with its <title>) or
 * plain text (with its start). Returns undefined for a JSON body: the caller reads that one.
 */
export function describeBody(
  contentType: string | undefined,
  bodyText: string,
  status: number | undefined,
): string | undefined {
  const statusNote = status === undefined ? '' : ` (status ${status})`;
  const text = bodyText.trim();
  if (text === '') return `The server answered with an empty body${statusNote}.`;
  if (looksLikeHtml(contentType, text)) {
    const title = htmlTitle(text);
    const where = title ? `: “${title}”` : '';
    return `The server answered with an HTML page${statusNote}${where}, not JSON: the URL may point at a website, a proxy or a login page rather than the API.`;
  }
  if (tryParseJson(text).ok) return undefined;
  return `The server answered with a non-JSON body${statusNote}: “${snippet(text, 200)}”.`;
}

export function looksLikeHtml(contentType: string | undefined, text: string): boolean {
  if (contentType && /html/i.test(contentType)) return true;
  return /^<(!doctype html|html|head|body)\b/i.test(text.trimStart());
}

/** The host of a URL, or the URL itself when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

function htmlTitle(html: string): string | undefined {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html.slice(0, 8192));
  const title = match?.[1]?.replace(/\s+/g, ' ').trim();
  return title ? snippet(title, 120) : undefined;
}

function snippet(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
