import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { writeFileAtomic } from './atomicWrite';

/** The first few issues of a failed parse, in one line ("profiles.0.baseUrl: Enter an http:// URL; …"). */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** A JSON file read with its schema: missing, sound, or damaged (and why). */
export type ReadResult<T> =
  { type: 'ok'; value: T } | { type: 'missing' } | { type: 'damaged'; reason: string };

/** Reads and validates one JSON file; never throws for a missing or damaged file. */
export async function readJsonFile<T>(
  file: string,
  schema: z.ZodType<T>,
  /** The format version this app writes: another version is named as the reason. */
  version?: number,
): Promise<ReadResult<T>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { type: 'missing' };
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      type: 'damaged',
      reason: `not valid JSON (${error instanceof Error ? error.message : 'parse error'})`,
    };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { type: 'ok', value: parsed.data };
  const found = (json as { version?: unknown } | null)?.version;
  if (version !== undefined && typeof found === 'number' && found !== version) {
    return { type: 'damaged', reason: `format version ${found} is not supported by this app` };
  }
  return { type: 'damaged', reason: describeZodError(parsed.error) };
}

/**
 * Writes of one file, one after the other and each atomic, so that the file always ends up holding
 * the latest contents written; a failed write does not stop the next.
 */
export function createSerialWriter(
  file: string,
  options?: { mode?: number },
): (contents: string) => Promise<void> {
  let writes: Promise<void> = Promise.resolve();
  return (contents) => {
    const next = writes.then(() => writeFileAtomic(file, contents, options));
    writes = next.catch(() => undefined);
    return next;
  };
}
