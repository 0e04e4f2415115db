import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRESETS_EXPORT_FORMAT, PRESETS_EXPORT_VERSION } from '@shared/contracts/presets';
import { createPresetStore } from './presetStore';

let dir: string;
let file: string;
let ids: number;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'presets-'));
  file = join(dir, 'presets.json');
  ids = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = () =>
  createPresetStore({ file, now: () => new Date(1_700_000_000_000), newId: () => `id-${++ids}` });

describe('createPresetStore', () => {
  it('saves, replaces by name, renames and deletes, and keeps it all across instances', async () => {
    const store = open();
    expect(await store.list()).toEqual([]);
    const focused = await store.save('  Focused ', { temperature: 0.2, max_tokens: 64 });
    expect(focused).toEqual({
      id: 'id-1',
      name: 'Focused',
      params: { temperature: 0.2, max_tokens: 64 },
      updatedAt: 1_700_000_000_000,
    });
    await store.save('Creative', { temperature: 1.4, model: 'openai/davinci-002' });
    const replaced = await store.save('focused', { temperature: 0 });
    expect(replaced.id).toBe('id-1');
    expect((await store.list()).map((p) => [p.name, p.params])).toEqual([
      ['Creative', { temperature: 1.4, model: 'openai/davinci-002' }],
      ['focused', { temperature: 0 }],
    ]);

    await expect(store.rename('id-1', 'CREATIVE')).rejects.toThrow(
      'A preset named “Creative” already exists.',
    );
    expect((await store.rename('id-1', 'Precise')).name).toBe('Precise');
    await expect(store.rename('gone', 'x')).rejects.toThrow('This preset no longer exists.');
    expect(await store.delete('id-2')).toBe(true);
    expect(await store.delete('id-2')).toBe(false);

    const reopened = open();
    expect(await reopened.list()).toEqual([
      { id: 'id-1', name: 'Precise', params: { temperature: 0 }, updatedAt: 1_700_000_000_000 },
    ]);
    expect(await reopened.loadWarning()).toBeUndefined();
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1 });
  });

  it('refuses invalid parameters (main checks what the renderer sends)', async () => {
    const store = open();
    await expect(store.save('Hot', { temperature: 5 })).rejects.toThrow(/between 0 and 2/);
    expect(await store.list()).toEqual([]);
  });

  it('sets a damaged file aside, starts empty and says why', async () => {
    await writeFile(file, '{"version":1,"presets":[{"id":"x"}]}');
    const store = open();
    expect(await store.list()).toEqual([]);
    expect(await store.loadWarning()).toMatch(
      /^The saved presets could not be read \(presets\.0\.name: .*\)\. The file was kept as presets\.json\.damaged-.*; no presets were loaded\.$/,
    );
    const files = await readdir(dir);
    expect(files.filter((f) => f.startsWith('presets.json.damaged-'))).toHaveLength(1);
    await store.save('After', { n: 2 });
    expect((await open().list()).map((p) => p.name)).toEqual(['After']);
  });

  it('imports an exported list and persists it', async () => {
    const store = open();
    await store.save('Focused', { temperature: 0.2 });
    const exported = JSON.stringify({
      format: PRESETS_EXPORT_FORMAT,
      version: PRESETS_EXPORT_VERSION,
      presets: [...(await store.list()), { name: 'Long', params: { max_tokens: 512 } }],
    });
    expect(await store.importPresets(exported)).toEqual({ imported: 1, skipped: 1, problems: [] });
    expect((await open().list()).map((p) => p.name)).toEqual(['Focused', 'Long']);
    await expect(store.importPresets('[]')).rejects.toThrow(/not a Completions Playground presets export/);
  });
});
