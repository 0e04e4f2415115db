import { readdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { HistoryEntry, HistoryImportResult, HistoryRun } from '@shared/contracts/history';
import { moveAside, writeFileAtomic } from '../fs/atomicWrite';
import { createHistoryIndex, type HistoryIndex, type HistoryQuery } from './historyIndex';
import {
  HISTORY_FILE_VERSION,
  historyIndexFileSchema,
  historyRunFileSchema,
  markInterrupted,
  readJsonFile,
  RUN_FILE_PATTERN,
  serializeRunFile,
} from './historyFiles';
import { parseImport, serializeExport } from './historyImport';

export const HISTORY_INDEX_FILE = 'index.json';
export const HISTORY_RUNS_DIR = 'runs';

export interface HistoryStoreOptions {
  /** `<userData>/history`. */
  dir: string;
  now?: () => Date;
  /** Replaces a file atomically. Default writeFileAtomic (tests inject failures). */
  writeFile?: (file: string, contents: string) => Promise<void>;
}

export interface HistoryStore {
  list(query: HistoryQuery): Promise<{ entries: HistoryEntry[]; total: number; warning?: string }>;
  /** Throws with a message for the user when the run is unknown, missing or damaged. */
  get(id: string): Promise<HistoryRun>;
  has(id: string): Promise<boolean>;
  /** Writes the run file, and the index when the run's list row changed. */
  save(run: HistoryRun): Promise<void>;
  delete(id: string): Promise<boolean>;
  /** Export file text with the given runs (every run when absent), newest first. */
  exportRuns(ids?: string[]): Promise<string>;
  importRuns(json: string): Promise<HistoryImportResult>;
  /** Problems found while loading (damaged files set aside) or saving; words for the user. */
  loadWarning(): Promise<string | undefined>;
  /** Resolves when every write queued so far is done. */
  flush(): Promise<void>;
}

/**
 * Saved runs under `dir`: one `runs/<id>.json` per run plus `index.json` (the list rows), every file
 * written atomically and versioned. The index is kept in memory after the first load.
 * - Missing or damaged index: rebuilt from the run files (a damaged one is first set aside).
 * - Damaged run file: set aside as `<id>.json.damaged-<time>`, left out, reported; the rest loads.
 * - Index and run files disagree (a crash between two writes): the run files win.
 * - A run still `running` at load (the app stopped mid-run) becomes `interrupted`, with what arrived.
 * Writes are serialized, so files always end up as the latest in-memory state.
 */
export function createHistoryStore(options: HistoryStoreOptions): HistoryStore {
  const indexFile = join(options.dir, HISTORY_INDEX_FILE);
  const runsDir = join(options.dir, HISTORY_RUNS_DIR);
  const runFile = (id: string): string => join(runsDir, `${id}.json`);
  const now = options.now ?? (() => new Date());
  const writeFile = options.writeFile ?? ((file, contents) => writeFileAtomic(file, contents));
  let index: HistoryIndex = createHistoryIndex();
  const warnings: string[] = [];
  const setAside: string[] = [];

  let queue: Promise<void> = Promise.resolve();
  /** Number of writes queued so far: orders an index write relative to a run file write. */
  let queued = 0;
  /** Mutations under way (they may still be waiting for the load), for flush(). */
  const inflight = new Set<Promise<unknown>>();
  const tracked = <T>(work: Promise<T>): Promise<T> => {
    inflight.add(work);
    void work.then(
      () => inflight.delete(work),
      () => inflight.delete(work),
    );
    return work;
  };
  const enqueue = (work: () => Promise<void>): Promise<void> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    queued += 1;
    return next;
  };
  /**
   * Index writes serialize the index as it is when they start, so one that is queued and not yet
   * started is shared, unless it was queued before `after` (the write it must follow).
   */
  let pendingIndex: { promise: Promise<void>; position: number } | undefined;
  const writeIndex = (after = -1): Promise<void> => {
    if (pendingIndex && pendingIndex.position > after) return pendingIndex.promise;
    const entry = {
      position: queued,
      promise: enqueue(async () => {
        if (pendingIndex === entry) pendingIndex = undefined;
        const contents = JSON.stringify({ version: HISTORY_FILE_VERSION, entries: index.all() });
        await writeFile(indexFile, contents);
      }),
    };
    pendingIndex = entry;
    return entry.promise;
  };

  /** Reads a run file; a damaged one is moved aside and remembered for the warning. */
  const readRun = async (id: string): Promise<{ run?: HistoryRun; problem: string }> => {
    const file = runFile(id);
    const result = await readJsonFile(file, historyRunFileSchema, HISTORY_FILE_VERSION);
    if (result.type === 'ok' && result.value.run.entry.id === id)
      return { run: result.value.run, problem: '' };
    if (result.type === 'missing') return { problem: 'its file is missing' };
    const reason = result.type === 'damaged' ? result.reason : 'its id does not match its file name';
    const moved = await moveAside(file, now()).catch(() => file);
    const problem = `${basename(moved)} (${reason})`;
    setAside.push(problem);
    return { problem: `it was damaged and set aside as ${problem}` };
  };

  const listRunFiles = async (): Promise<Set<string>> => {
    let names: string[];
    try {
      names = await readdir(runsDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
      throw error;
    }
    const ids = new Set<string>();
    for (const name of names) {
      const match = RUN_FILE_PATTERN.exec(name);
      if (match?.[1]) ids.add(match[1]);
    }
    return ids;
  };

  const load = async (): Promise<void> => {
    const stored = await readJsonFile(indexFile, historyIndexFileSchema, HISTORY_FILE_VERSION);
    let dirty = stored.type === 'damaged';
    if (stored.type === 'damaged') {
      const moved = await moveAside(indexFile, now());
      warnings.push(
        `The history index could not be read (${stored.reason}). It was kept as ${basename(moved)} and rebuilt from the saved runs.`,
      );
    }
    // A sound index is trusted as is (no run file is read, so 10,000 runs open fast), except rows
    // still running: the app stopped mid-run, or before the index caught up with the final run file
    // (which is the truth). Without a sound index, every run file is read.
    const known = new Map<string, HistoryEntry>();
    const toRead = new Set<string>();
    if (stored.type === 'ok') {
      for (const entry of stored.value.entries) {
        if (entry.status === 'running') toRead.add(entry.id);
        else known.set(entry.id, entry);
      }
    } else {
      for (const id of await listRunFiles()) toRead.add(id);
    }
    for (const id of toRead) {
      dirty = true;
      const { run } = await readRun(id);
      if (!run) continue;
      const settled = markInterrupted(run);
      if (settled !== run) await writeFile(runFile(id), serializeRunFile(settled));
      known.set(id, settled.entry);
    }
    index = createHistoryIndex([...known.values()]);
    if (dirty) await writeIndex();
  };

  /** Loaded on first use (not at construction: an app that never opens the history touches nothing). */
  let loaded: Promise<void> | undefined;
  const ready = (): Promise<void> => (loaded ??= load());

  const warningText = (): string | undefined => {
    const lines = [...warnings];
    if (setAside.length > 0) {
      const shown = setAside.slice(0, 5).join(', ');
      const more = setAside.length > 5 ? ` and ${setAside.length - 5} more` : '';
      lines.push(
        `${setAside.length} saved run${setAside.length === 1 ? '' : 's'} could not be read and ${setAside.length === 1 ? 'was' : 'were'} set aside: ${shown}${more}. The other runs are still here.`,
      );
    }
    return lines.length > 0 ? lines.join(' ') : undefined;
  };

  const forget = async (id: string): Promise<void> => {
    if (index.remove(id)) await writeIndex();
  };

  return {
    async list(query) {
      await ready();
      const { entries, total } = index.list(query);
      const warning = warningText();
      return warning === undefined ? { entries, total } : { entries, total, warning };
    },
    async get(id) {
      await ready();
      if (!index.has(id)) throw new Error('This run is not in the history (it may have been deleted).');
      let read: { run?: HistoryRun; problem: string } = { problem: '' };
      await enqueue(async () => {
        read = await readRun(id);
      });
      if (!read.run) {
        await forget(id);
        throw new Error(`This saved run could not be read (${read.problem}); it was removed from the list.`);
      }
      return read.run;
    },
    async has(id) {
      await ready();
      return index.has(id);
    },
    save(run) {
      return tracked(saveRun(run));
    },
    delete(id) {
      return tracked(deleteRun(id));
    },
    importRuns(json) {
      return tracked(importRuns(json));
    },
    async exportRuns(ids) {
      await ready();
      const wanted = ids ? new Set(ids) : undefined;
      const runs: HistoryRun[] = [];
      for (const entry of index.all()) {
        if (wanted && !wanted.has(entry.id)) continue;
        const { run } = await readRun(entry.id);
        if (run) runs.push(run);
        else await forget(entry.id);
      }
      return serializeExport(runs);
    },
    async loadWarning() {
      await ready();
      return warningText();
    },
    async flush() {
      await loaded?.catch(() => undefined);
      while (inflight.size > 0) await Promise.allSettled([...inflight]);
      await queue;
    },
  };

  async function saveRun(run: HistoryRun): Promise<void> {
    await ready();
    const contents = serializeRunFile(run);
    const isNew = !index.has(run.entry.id);
    const changed = index.upsert(run.entry);
    try {
      // A new run is listed first (a crash in between leaves a running row without a file, which
      // the next load drops); later saves write the run file first (a lagging row is re-read).
      // Both writes are queued now, so saves of one run land in call order.
      const writes: Array<Promise<void>> = [];
      if (isNew) writes.push(writeIndex());
      const position = queued;
      writes.push(enqueue(() => writeFile(runFile(run.entry.id), contents)));
      if (changed && !isNew) writes.push(writeIndex(position));
      await Promise.all(writes);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const warning = `A run could not be saved to the history (${detail}).`;
      if (!warnings.includes(warning)) warnings.push(warning);
      throw error;
    }
  }

  async function deleteRun(id: string): Promise<boolean> {
    await ready();
    if (!index.has(id)) return false;
    // Row first: a crash in between leaves an unlisted file, never a listed run that is gone.
    await forget(id);
    await enqueue(() => rm(runFile(id), { force: true }));
    return true;
  }

  async function importRuns(json: string): Promise<HistoryImportResult> {
    await ready();
    const parsed = parseImport(json, (id) => index.has(id));
    const problems = [...parsed.problems];
    let imported = 0;
    // Files first, then one index write (a crash in between leaves unlisted files: import again).
    for (const run of parsed.runs) {
      try {
        await enqueue(() => writeFile(runFile(run.entry.id), serializeRunFile(run)));
        index.upsert(run.entry);
        imported += 1;
      } catch (error) {
        problems.push(
          `${run.entry.id}: not saved (${error instanceof Error ? error.message : String(error)})`,
        );
      }
    }
    if (imported > 0) await writeIndex();
    return { imported, skipped: parsed.skipped, problems };
  }
}
