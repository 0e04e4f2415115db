export type ParsedNumber = { kind: 'unset' } | { kind: 'number'; value: number } | { kind: 'invalid' };

const NUMBER_PATTERN = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * What a number field's text means: empty is unset (not sent), anything that is not a plain number
 * is invalid. Accepts a Unicode minus and a lone decimal comma.
 */
export function parseNumberText(text: string): ParsedNumber {
  let trimmed = text.trim().replace(/^\u2212/, '-');
  if (trimmed === '') return { kind: 'unset' };
  if (/^[-+]?\d*,\d+$/.test(trimmed)) trimmed = trimmed.replace(',', '.');
  if (!NUMBER_PATTERN.test(trimmed)) return { kind: 'invalid' };
  const value = Number(trimmed);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid' };
}

/** A number as field text, without binary float noise (0.30000000000000004 → "0.3"). */
export function formatNumberText(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** The text after pressing ↑/↓: from the value (or `start` when unset/invalid) by `delta`. */
export function stepNumberText(text: string, delta: number, start: number): string {
  const parsed = parseNumberText(text);
  const base = parsed.kind === 'number' ? parsed.value : start - delta;
  return formatNumberText(base + delta);
}
