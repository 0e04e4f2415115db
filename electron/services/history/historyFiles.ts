import { z } from 'zod';
import { historyEntrySchema, historyRunSchema, type HistoryRun } from '@shared/contracts/history';
export { describeZodError, readJsonFile, type ReadResult } from '../fs/jsonFile';

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

/** A run that was still running when the app stopped: kept with what had arrived, marked interrupted. */
export function markInterrupted(run: HistoryRun): HistoryRun {
  if (run.entry.status !== 'running') return run;
  return { ...run, entry: { ...run.entry, status: 'interrupted' } };
}

export const serializeRunFile = (run: HistoryRun): string =>
  JSON.stringify({ version: HISTORY_FILE_VERSION, run });
