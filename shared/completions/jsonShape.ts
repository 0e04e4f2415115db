/**
 * Small readers for JSON of unknown shape: each returns the value when it has the expected type
 * and `undefined` otherwise, so parsers can be tolerant without casts.
 */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A string with at least one non-blank character. */
export function nonEmptyStringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function finiteNumberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function integerOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

export function booleanOf(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function arrayOf(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** Codes arrive as strings or numbers (Azure, llama.cpp, vLLM); both become a string. */
export function codeOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return nonEmptyStringOf(value);
}

/** Copies `source` without its `undefined` properties (keeps objects tidy across IPC and in tests). */
export function withoutUndefined<T extends object>(source: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}

/** What stands for an object or array nested deeper than `limitDepth` keeps. */
export const TOO_DEEP = '[nested too deeply]';

/**
 * A parsed JSON record with at most `maxDepth` levels of objects and arrays below it: the record
 * itself when it has no more, else a copy whose deeper objects and arrays are TOO_DEEP. A server can
 * send JSON nested thousands deep, which JSON.parse accepts but JSON.stringify and structured clone
 * (IPC) cannot handle (stack overflow), so a value passed on as received is cut first. Keys such as
 * `__proto__` stay plain keys.
 */
export function limitDepth(record: JsonRecord, maxDepth: number): JsonRecord {
  return nestedDeeperThan(record, maxDepth) ? cutRecord(record, maxDepth) : record;
}

/** Runs on every stream event's extra_fields: plain loops, no array of values per object. */
function nestedDeeperThan(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth < 0) return true;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++)
      if (nestedDeeperThan(value[index], depth - 1)) return true;
    return false;
  }
  const record = value as JsonRecord;
  for (const key in record)
    if (Object.hasOwn(record, key) && nestedDeeperThan(record[key], depth - 1)) return true;
  return false;
}

function cutRecord(record: JsonRecord, depth: number): JsonRecord {
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, cut(item, depth)]));
}

function cut(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth <= 0) return TOO_DEEP;
  if (Array.isArray(value)) return value.map((item) => cut(item, depth - 1));
  return cutRecord(value as JsonRecord, depth - 1);
}

/** A short description of a value's JSON type, for error messages. */
export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** Keeps at most `max` characters; the marker says how much was cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const marker = `\n… (truncated: ${text.length} characters in total)`;
  return text.slice(0, Math.max(0, max - marker.length)) + marker;
}

/** JSON.parse without throwing (`ok: false` on a syntax error; a body may legitimately be `null`). */
export function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
