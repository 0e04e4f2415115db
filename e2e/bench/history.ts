import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HISTORY_FILE_VERSION, serializeRunFile } from '../../electron/services/history/historyFiles';
import { makeRun } from '../../electron/services/history/historyFixtures';
import {
  createHistoryStore,
  HISTORY_INDEX_FILE,
  HISTORY_RUNS_DIR,
} from '../../electron/services/history/historyStore';
import { median, type BenchRow } from './table';

export const HISTORY_RUNS = 10_000;
const PAGE_SIZE = 50;
const REPETITIONS = 3;

/** Writes a store of synthetic runs the way the store itself lays them out (run files + index). */
async function writeStore(dir: string, count: number): Promise<void> {
  const runsDir = join(dir, HISTORY_RUNS_DIR);
  await mkdir(runsDir, { recursive: true });
  const base = Date.UTC(2026, 0, 1);
  const runs = Array.from({ length: count }, (_, index) =>
    makeRun(`run-${String(index).padStart(5, '0')}`, base + index * 60_000, {
      promptPreview: `Prompt number ${index}: tell me about item ${index % 97}`,
    }),
  );
  for (let start = 0; start < runs.length; start += 200) {
    await Promise.all(
      runs
        .slice(start, start + 200)
        .map((run) => writeFile(join(runsDir, `${run.entry.id}.json`), serializeRunFile(run))),
    );
  }
  const entries = runs.map((run) => run.entry).reverse();
  await writeFile(join(dir, HISTORY_INDEX_FILE), JSON.stringify({ version: HISTORY_FILE_VERSION, entries }));
}

/** Row 6: opening a store of 10,000 runs (load + first page of the list, then the newest run). */
export async function benchHistory(): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'playground-bench-history-'));
  try {
    await writeStore(dir, HISTORY_RUNS);
    const samples: Array<{ listMs: number; getMs: number }> = [];
    for (let index = 0; index < REPETITIONS; index += 1) {
      const started = performance.now();
      const store = createHistoryStore({ dir });
      const page = await store.list({ limit: PAGE_SIZE });
      const listMs = performance.now() - started;
      const newest = page.entries[0];
      if (page.total !== HISTORY_RUNS || !newest) throw new Error(`history listed ${page.total} runs`);
      await store.get(newest.id);
      samples.push({ listMs, getMs: performance.now() - started - listMs });
      await store.flush();
    }
    return [
      {
        id: '6',
        name: `History: open a store of ${HISTORY_RUNS.toLocaleString('en-US')} runs, first page`,
        figure: median(samples.map((sample) => sample.listMs)),
        unit: 'ms',
        reference: null,
        ratio: null,
        target: '—',
        met: null,
        note: `main-process store (createHistoryStore → list ${PAGE_SIZE}); then opening the newest run ${median(samples.map((sample) => sample.getMs)).toFixed(1)} ms; median of ${REPETITIONS}; not through the UI`,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
