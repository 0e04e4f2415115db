import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { historyEntrySchema, historyRunSchema, type HistoryRun } from '@shared/contracts/history';

/** Version of `index.json` and of every `runs/<id>.json`. */
export const HISTORY_FILE_VERSION = 1;

export const historyIndexFileSchema = z.object({
  version: z.literal(HISTORY_FILE_VERSION),
  entries: z.array(historyEntrySchema),
});

export const historyRunFileSchema = z.object({
  version: z.literal(HISTORY_FILE_VERSION),
  run: historyRunSchema,
});

/** Run files are named by run id, which the contracts restrict to path-safe characters. */
export const RUN_FILE_PATTERN = /^([A-Za-z0-9_-]{1,64})\.json$/;

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export type ReadResult<T> =
  { type: 'ok'; value: T } | { type: 'missing' } | { type: 'damaged'; reason: string };

/** Reads and validates one JSON file; never throws for a missing or damaged file. */
export async function readJsonFile<T>(file: string, schema: z.ZodType<T>): Promise<ReadResult<T>> {
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
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version !== HISTORY_FILE_VERSION) {
    return { type: 'damaged', reason: `format version ${version} is not supported by this app` };
  }
  return { type: 'damaged', reason: describeZodError(parsed.error) };
}

/** A run that was still running when the app stopped: kept with what had arrived, marked interrupted. */
export function markInterrupted(run: HistoryRun): HistoryRun {
  if (run.entry.status !== 'running') return run;
  return { ...run, entry: { ...run.entry, status: 'interrupted' } };
}

export const serializeRunFile = (run: HistoryRun): string =>
  JSON.stringify({ version: HISTORY_FILE_VERSION, run });
