import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsStore } from './settingsStore';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createSettingsStore', () => {
  it('keeps values across instances, and null removes one', async () => {
    const file = join(dir, 'settings.json');
    const store = createSettingsStore(file);
    expect(await store.get('form')).toBeNull();
    await store.set('form', '{"a":1}');
    await store.set('profile', '"x"');
    await store.set('profile', null);
    const reopened = createSettingsStore(file);
    expect(await reopened.get('form')).toBe('{"a":1}');
    expect(await reopened.get('profile')).toBeNull();
  });

  it('starts empty from a damaged file, and refuses unbounded growth', async () => {
    const file = join(dir, 'settings.json');
    await writeFile(file, 'garbage');
    const store = createSettingsStore(file);
    expect(await store.get('form')).toBeNull();
    for (let i = 0; i < 64; i += 1) await store.set(`k${i}`, 'v');
    await expect(store.set('one-more', 'v')).rejects.toThrow(/Too many settings/);
    await store.set('k0', 'replaced');
    expect(await store.get('k0')).toBe('replaced');
  });
});
