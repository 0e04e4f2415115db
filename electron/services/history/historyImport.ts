import {
  HISTORY_EXPORT_FORMAT,
  HISTORY_EXPORT_VERSION,
  historyRunSchema,
  type HistoryExport,
  type HistoryRun,
} from '@shared/contracts/history';
import { describeZodError, markInterrupted } from './historyFiles';

/** The export file's text: `{ format, version, runs }`, runs as given (newest first by the caller). */
export function serializeExport(runs: HistoryRun[]): string {
  const file: HistoryExport = { format: HISTORY_EXPORT_FORMAT, version: HISTORY_EXPORT_VERSION, runs };
  return `${JSON.stringify(file, null, 1)}\n`;
}

export interface ParsedImport {
  runs: HistoryRun[];
  skipped: number;
  problems: string[];
}

/** Problems reported one by one; beyond this many, one line says how many more. */
const MAX_PROBLEM_LINES = 50;

/**
 * Reads an export file. A file that is not an export at all (not JSON, another format, a newer
 * version) throws with a message for the user; individual invalid runs are listed in `problems`
 * and the valid ones still import. Runs whose id is in `existing` (or earlier in the file) are
 * skipped; runs saved while running come in as interrupted.
 */
export function parseImport(json: string, existing: (id: string) => boolean): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'parse error';
    throw new Error(`This file is not valid JSON (${detail}).`);
  }
  const file = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (file.format !== HISTORY_EXPORT_FORMAT) {
    throw new Error('This file is not a Completions Playground history export.');
  }
  if (file.version !== HISTORY_EXPORT_VERSION) {
    throw new Error(
      `This history export has format version ${String(file.version)}; this app reads version ${HISTORY_EXPORT_VERSION}.`,
    );
  }
  if (!Array.isArray(file.runs)) throw new Error('This history export has no list of runs.');

  const runs: HistoryRun[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  let invalid = 0;
  let skipped = 0;
  file.runs.forEach((raw: unknown, i) => {
    const parsed = historyRunSchema.safeParse(raw);
    if (!parsed.success) {
      invalid += 1;
      if (problems.length < MAX_PROBLEM_LINES) {
        const id = (raw as { entry?: { id?: unknown } } | null)?.entry?.id;
        const name = typeof id === 'string' ? ` (${id.slice(0, 64)})` : '';
        problems.push(`Run ${i + 1}${name}: ${describeZodError(parsed.error)}`);
      }
      return;
    }
    const id = parsed.data.entry.id;
    if (seen.has(id) || existing(id)) {
      skipped += 1;
      return;
    }
    seen.add(id);
    runs.push(markInterrupted(parsed.data));
  });
  if (invalid > problems.length) problems.push(`…and ${invalid - problems.length} more invalid runs.`);
  return { runs, skipped, problems };
}
