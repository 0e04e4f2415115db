import type { FieldIssue } from '@shared/completions/validateParams';
import { parseNumberText } from './numberText';

/** One editable row: text as typed, parsed when the request is assembled. */
export interface LogitBiasRow {
  id: string;
  token: string;
  bias: string;
}

export type LogitBiasMode = 'rows' | 'json';

export function newRowId(): string {
  return globalThis.crypto.randomUUID();
}

export function emptyRow(): LogitBiasRow {
  return { id: newRowId(), token: '', bias: '' };
}

const isBlank = (row: LogitBiasRow): boolean => row.token.trim() === '' && row.bias.trim() === '';

/** Rows → `logit_bias` (undefined when there are none), with a message per incomplete row. */
export function rowsToLogitBias(rows: readonly LogitBiasRow[]): {
  value: Record<string, number> | undefined;
  issues: FieldIssue[];
} {
  const value: Record<string, number> = {};
  const issues: FieldIssue[] = [];
  rows.forEach((row, position) => {
    if (isBlank(row)) return;
    const label = `Row ${position + 1}`;
    const token = row.token.trim();
    const bias = parseNumberText(row.bias);
    if (token === '') issues.push({ field: 'logit_bias', message: `${label}: enter a token id` });
    else if (Object.hasOwn(value, token))
      issues.push({ field: 'logit_bias', message: `${label}: token ${token} is listed twice` });
    if (bias.kind === 'unset') issues.push({ field: 'logit_bias', message: `${label}: enter a bias` });
    if (bias.kind === 'invalid')
      issues.push({ field: 'logit_bias', message: `${label}: the bias must be a number` });
    if (token !== '' && bias.kind === 'number' && !Object.hasOwn(value, token)) value[token] = bias.value;
  });
  return { value: Object.keys(value).length > 0 ? value : undefined, issues };
}

/**
 * Rows as JSON text for the JSON editor. Nothing typed is dropped: a bias that is not a number is
 * kept as a string (and flagged once parsed), blank rows are left out.
 */
export function rowsToJsonText(rows: readonly LogitBiasRow[]): string {
  const entries = rows
    .filter((row) => !isBlank(row))
    .map((row): [string, number | string] => {
      const bias = parseNumberText(row.bias);
      return [row.token.trim(), bias.kind === 'number' ? bias.value : row.bias];
    });
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([token, bias]) => `  ${JSON.stringify(token)}: ${JSON.stringify(bias)}`).join(',\n')}\n}`;
}

export type JsonParse = { ok: true; value: Record<string, number> } | { ok: false; message: string };

/** The JSON editor's text → `logit_bias`; a message when it is not an object of numbers. */
export function parseLogitBiasJson(text: string): JsonParse {
  if (text.trim() === '') return { ok: true, value: {} };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : '';
    return { ok: false, message: `Not valid JSON${detail ? `: ${detail}` : ''}` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, message: 'Use an object of token id → bias, e.g. {"50256": -100}' };
  }
  const value: Record<string, number> = {};
  for (const [token, bias] of Object.entries(json)) {
    if (typeof bias !== 'number')
      return { ok: false, message: `The bias for token "${token}" must be a number` };
    value[token] = bias;
  }
  return { ok: true, value };
}

/** JSON text → rows (for switching back), or the reason it cannot be done. */
export function jsonTextToRows(
  text: string,
): { ok: true; rows: LogitBiasRow[] } | { ok: false; message: string } {
  const parsed = parseLogitBiasJson(text);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    rows: Object.entries(parsed.value).map(([token, bias]) => ({
      id: newRowId(),
      token,
      bias: String(bias),
    })),
  };
}
