import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyExportSchema } from '@shared/contracts/history';
import { writeFileAtomic } from '../fs/atomicWrite';
import { makeEntry, makeRun } from './historyFixtures';
import { createHistoryStore, type HistoryStoreOptions } from './historyStore';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'history-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = (extra: Partial<HistoryStoreOptions> = {}) =>
  createHistoryStore({ dir, now: () => new Date('2026-01-02T03:04:05.678Z'), ...extra });
const runsDir = () => join(dir, 'runs');
const readJson = async (file: string): Promise<unknown> => JSON.parse(await readFile(file, 'utf8'));
const listIds = async (store: ReturnType<typeof open>) =>
  (await store.list({ limit: 1000 })).entries.map((e) => e.id);

describe('createHistoryStore', () => {
  it('saves runs (one file each plus the index) and reads them back after a restart', async () => {
    const store = open();
    await store.save(makeRun('older', 1000));
    await store.save(makeRun('newer', 2000));
    expect(await store.get('older')).toEqual(makeRun('older', 1000));
    expect((await readdir(runsDir())).sort()).toEqual(['newer.json', 'older.json']);
    expect(await readJson(join(dir, 'index.json'))).toMatchObject({
      version: 1,
      entries: [{ id: 'newer' }, { id: 'older' }],
    });
    expect(await readJson(join(runsDir(), 'older.json'))).toEqual({
      version: 1,
      run: makeRun('older', 1000),
    });

    const reopened = open();
    expect(await reopened.list({ limit: 200 })).toEqual({
      entries: [makeEntry('newer', 2000), makeEntry('older', 1000)],
      total: 2,
    });
    expect(await reopened.get('newer')).toEqual(makeRun('newer', 2000));
    expect(await reopened.loadWarning()).toBeUndefined();
  });

  it('writes the index only when a row changes', async () => {
    const writes: string[] = [];
    const store = open({
      writeFile: (file, contents) => (writes.push(file), writeFileAtomic(file, contents)),
    });
    const run = makeRun('r', 1, { status: 'running' });
    await store.save(run);
    await store.save({ ...run, choices: [{ index: 0, text: 'more text', finishReason: null }] });
    await store.save({ ...run, entry: { ...run.entry, status: 'completed' } });
    const names = writes.map((file) => file.slice(dir.length + 1));
    expect(names).toEqual(['index.json', 'runs/r.json', 'runs/r.json', 'runs/r.json', 'index.json']);
  });

  it('marks a run that was running when the app stopped as interrupted, keeping what arrived', async () => {
    const crashed = open();
    const running = makeRun('mid', 5, { status: 'running' });
    running.choices = [{ index: 0, text: 'what had arrived', finishReason: null }];
    await crashed.save(running);
    // No terminal save: the app "crashed". A new process opens the store.
    const reopened = open();
    expect((await reopened.list({ limit: 10 })).entries[0]?.status).toBe('interrupted');
    const run = await reopened.get('mid');
    expect(run.entry.status).toBe('interrupted');
    expect(run.choices[0]?.text).toBe('what had arrived');
    expect(await readJson(join(runsDir(), 'mid.json'))).toMatchObject({
      run: { entry: { status: 'interrupted' } },
    });
    expect(await readJson(join(dir, 'index.json'))).toMatchObject({ entries: [{ status: 'interrupted' }] });
  });

  it('reconciles an index that lags behind the run files (a crash between two writes)', async () => {
    const store = open();
    await store.save(makeRun('a', 1, { status: 'running' }));
    await store.save(makeRun('b', 2, { status: 'running' }));
    await store.save(makeRun('gone', 3));
    // a: the final run file was written, the index still says running. b: listed, but the crash
    // came before its first run file. gone: its file vanished.
    await writeFileAtomic(join(runsDir(), 'a.json'), JSON.stringify({ version: 1, run: makeRun('a', 1) }));
    await rm(join(runsDir(), 'b.json'));
    await rm(join(runsDir(), 'gone.json'));
    const reopened = open();
    const { entries } = await reopened.list({ limit: 10 });
    expect(entries.map((e) => [e.id, e.status])).toEqual([
      ['gone', 'completed'],
      ['a', 'completed'],
    ]);
    expect(await readJson(join(dir, 'index.json'))).toMatchObject({ entries: [{ id: 'gone' }, { id: 'a' }] });
    await expect(reopened.get('gone')).rejects.toThrow(/could not be read \(its file is missing\)/);
    expect(await listIds(reopened)).toEqual(['a']);
    expect(await listIds(open())).toEqual(['a']);
  });

  it('rebuilds a damaged index from the run files, setting the damaged one aside with a warning', async () => {
    const store = open();
    await store.save(makeRun('a', 1));
    await store.save(makeRun('b', 2));
    await writeFile(join(dir, 'index.json'), '{"version": 1, "entries": [tru');
    const reopened = open();
    const listed = await reopened.list({ limit: 10 });
    expect(listed.entries.map((e) => e.id)).toEqual(['b', 'a']);
    expect(listed.warning).toMatch(
      /history index could not be read \(not valid JSON.*index\.json\.damaged-2026/,
    );
    expect((await readdir(dir)).sort()).toEqual([
      'index.json',
      'index.json.damaged-2026-01-02T03-04-05-678Z',
      'runs',
    ]);
    expect(await listIds(open())).toEqual(['b', 'a']);
  });

  it('rebuilds a missing index without a warning', async () => {
    const store = open();
    await store.save(makeRun('a', 1));
    await rm(join(dir, 'index.json'));
    const reopened = open();
    expect(await reopened.list({ limit: 10 })).toEqual({ entries: [makeEntry('a', 1)], total: 1 });
  });

  it('sets a damaged run file aside and still loads the others', async () => {
    const store = open();
    await store.save(makeRun('good', 1));
    await store.save(makeRun('bad', 2));
    await store.save(makeRun('newer', 3));
    await rm(join(dir, 'index.json'));
    await writeFile(
      join(runsDir(), 'bad.json'),
      JSON.stringify({ version: 1, run: { entry: { id: 'bad' } } }),
    );
    await writeFile(join(runsDir(), 'newer.json'), JSON.stringify({ version: 7, run: {} }));
    const reopened = open();
    const listed = await reopened.list({ limit: 10 });
    expect(listed.entries.map((e) => e.id)).toEqual(['good']);
    expect(listed.warning).toMatch(
      /^2 saved runs could not be read and were set aside: .*The other runs are still here\.$/,
    );
    expect(listed.warning).toContain('bad.json.damaged-2026-01-02T03-04-05-678Z (run.entry.createdAt');
    expect(listed.warning).toContain('format version 7 is not supported');
    expect((await readdir(runsDir())).sort()).toEqual([
      'bad.json.damaged-2026-01-02T03-04-05-678Z',
      'good.json',
      'newer.json.damaged-2026-01-02T03-04-05-678Z',
    ]);
  });

  it('get: a run file damaged after loading is set aside, dropped from the list, and explained', async () => {
    const store = open();
    await store.save(makeRun('a', 1));
    await writeFile(join(runsDir(), 'a.json'), 'garbage');
    await expect(store.get('a')).rejects.toThrow(
      /could not be read \(it was damaged and set aside as a\.json\.damaged-/,
    );
    expect(await listIds(store)).toEqual([]);
    await expect(store.get('a')).rejects.toThrow(/not in the history/);
    await expect(store.get('never')).rejects.toThrow(/not in the history/);
  });

  it('deletes a run: file, row, and after a restart', async () => {
    const store = open();
    await store.save(makeRun('a', 1));
    await store.save(makeRun('b', 2));
    expect(await store.delete('a')).toBe(true);
    expect(await store.delete('a')).toBe(false);
    expect(await readdir(runsDir())).toEqual(['b.json']);
    expect(await listIds(store)).toEqual(['b']);
    expect(await listIds(open())).toEqual(['b']);
  });

  it('writes atomically: a failed write leaves the previous file whole, no temp file, and a warning', async () => {
    const store = open();
    await store.save(makeRun('a', 1));
    const before = await readFile(join(runsDir(), 'a.json'), 'utf8');
    // The injected writer fails like a crash mid-write: nothing replaces the real file.
    const crashing = open({ writeFile: () => Promise.reject(new Error('disk full')) });
    await expect(crashing.save(makeRun('a', 1, { status: 'failed' }))).rejects.toThrow('disk full');
    expect(await crashing.loadWarning()).toMatch(/could not be saved to the history \(disk full\)/);
    expect(await readFile(join(runsDir(), 'a.json'), 'utf8')).toBe(before);
    expect((await readdir(runsDir())).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect((await open().get('a')).entry.status).toBe('completed');
  });

  it('leaves no temp files behind after many writes', async () => {
    const store = open();
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.save(makeRun(`r${i}`, i))));
    await store.flush();
    const names = [...(await readdir(dir)), ...(await readdir(runsDir()))];
    expect(names.filter((name) => name.startsWith('.'))).toEqual([]);
    expect(await listIds(open())).toHaveLength(20);
  });

  it('exports versioned JSON and imports it elsewhere: duplicates skipped, invalid runs listed', async () => {
    const store = open();
    await store.save(makeRun('a', 1));
    await store.save(makeRun('b', 2, { status: 'running' }));
    const text = await store.exportRuns();
    const exported = historyExportSchema.parse(JSON.parse(text));
    expect(exported.format).toBe('completions-playground-history');
    expect(exported.version).toBe(1);
    expect(exported.runs.map((r) => r.entry.id)).toEqual(['b', 'a']);
    expect(JSON.parse(await store.exportRuns(['a', 'unknown'])).runs).toEqual([makeRun('a', 1)]);

    await rm(dir, { recursive: true });
    await mkdir(dir);
    const other = open();
    await other.save(makeRun('a', 1));
    const file = JSON.parse(text) as { runs: unknown[] };
    file.runs.push({ entry: { id: 'broken' } }, 'nonsense', makeRun('b', 2), makeRun('c', 3));
    const result = await other.importRuns(JSON.stringify(file));
    expect(result.imported).toBe(2);
    expect(result.skipped).toBe(2);
    expect(result.problems).toEqual([
      expect.stringMatching(/^Run 3 \(broken\): entry\./),
      expect.stringMatching(/^Run 4: Invalid input/),
    ]);
    expect(await listIds(other)).toEqual(['c', 'b', 'a']);
    expect((await other.get('b')).entry.status).toBe('interrupted');
    expect(await listIds(open())).toEqual(['c', 'b', 'a']);
  });

  it('refuses a file that is not a history export, with a reason', async () => {
    const store = open();
    await expect(store.importRuns('{nope')).rejects.toThrow(/not valid JSON/);
    await expect(store.importRuns('{"runs": []}')).rejects.toThrow(
      /not a Completions Playground history export/,
    );
    await expect(
      store.importRuns(JSON.stringify({ format: 'completions-playground-history', version: 2, runs: [] })),
    ).rejects.toThrow(/format version 2; this app reads version 1/);
    expect(await listIds(store)).toEqual([]);
  });

  it('opens a history of 10,000 runs from its index without reading the run files', async () => {
    const entries = Array.from({ length: 10_000 }, (_, i) =>
      makeEntry(`run-${i}`, 1_700_000_000_000 + i, {
        promptPreview: i % 1000 === 0 ? `Needle prompt ${i}` : `Ordinary prompt ${i}`,
      }),
    );
    // No run files at all: listing and searching use the index only.
    await writeFile(join(dir, 'index.json'), JSON.stringify({ version: 1, entries }));
    const store = open();
    const first = await store.list({ limit: 200 });
    expect(first.total).toBe(10_000);
    expect(first.entries).toHaveLength(200);
    expect(first.entries[0]?.id).toBe('run-9999');
    expect(first.entries[199]?.id).toBe('run-9800');
    expect(first.warning).toBeUndefined();
    const next = await store.list({ limit: 200, before: first.entries[199]?.createdAt });
    expect(next.entries[0]?.id).toBe('run-9799');
    const found = await store.list({ query: 'NEEDLE', limit: 200 });
    expect(found.total).toBe(10);
    expect(found.entries.map((e) => e.id)).toEqual(
      Array.from({ length: 10 }, (_, k) => `run-${(9 - k) * 1000}`),
    );
  });
});
