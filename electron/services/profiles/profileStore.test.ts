import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultProfiles, type Profile } from '@shared/contracts/profiles';
import { createProfileStore, withSingleDefault } from './profileStore';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'profiles-'));
  file = join(dir, 'profiles.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const profile = (id: string, extra: Partial<Profile> = {}): Profile => ({
  id,
  name: `Profile ${id}`,
  kind: 'openai-compatible',
  baseUrl: 'http://127.0.0.1:9000',
  endpoint: '/v1/completions',
  headers: {},
  ...extra,
});

async function readStored(): Promise<{ version: number; profiles: Profile[] }> {
  return JSON.parse(await readFile(file, 'utf8')) as { version: number; profiles: Profile[] };
}

const defaults = (profiles: Profile[]) => profiles.filter((p) => p.default === true).map((p) => p.id);

describe('createProfileStore', () => {
  it('seeds the default profiles on first start and writes a versioned file', async () => {
    const store = createProfileStore({ file });
    expect(await store.list()).toEqual(defaultProfiles);
    expect(await store.loadWarning()).toBeUndefined();
    expect(await readStored()).toEqual({ version: 1, profiles: defaultProfiles });
  });

  it('reloads what was saved, in order, and get() finds by id', async () => {
    const first = createProfileStore({ file });
    await first.save(profile('a'));
    await first.save(profile('b', { name: 'Bee' }));
    const second = createProfileStore({ file });
    expect((await second.list()).map((p) => p.id)).toEqual(['local-bifrost', 'a', 'b']);
    expect((await second.get('b'))?.name).toBe('Bee');
    expect(await second.get('nope')).toBeUndefined();
  });

  it('replaces a profile with the same id instead of adding one', async () => {
    const store = createProfileStore({ file });
    await store.save(profile('a', { name: 'One' }));
    await store.save(profile('a', { name: 'Two' }));
    const list = await store.list();
    expect(list.filter((p) => p.id === 'a').map((p) => p.name)).toEqual(['Two']);
  });

  it('validates with profileSchema and applies its defaults', async () => {
    const store = createProfileStore({ file });
    await expect(store.save({ ...profile('bad'), baseUrl: 'ftp://x' })).rejects.toThrow(
      /Invalid profile: baseUrl/,
    );
    await expect(store.save({ ...profile('bad'), headers: { Authorization: 'x' } })).rejects.toThrow(
      /key field/,
    );
    const saved = await store.save({
      id: 'min',
      name: 'Min',
      kind: 'openai',
      baseUrl: 'https://api.openai.com',
    });
    expect(saved).toMatchObject({ endpoint: '/v1/completions', headers: {} });
    expect(await store.get('bad')).toBeUndefined();
  });

  it('keeps exactly one default: saving a new default clears the others', async () => {
    const store = createProfileStore({ file });
    await store.save(profile('a', { default: true }));
    expect(defaults(await store.list())).toEqual(['a']);
    await store.save(profile('b'));
    expect(defaults(await store.list())).toEqual(['a']);
    expect(defaults((await readStored()).profiles)).toEqual(['a']);
  });

  it('makes the first remaining profile the default when the default is deleted', async () => {
    const store = createProfileStore({ file });
    await store.save(profile('a'));
    await store.save(profile('b', { default: true }));
    expect(await store.delete('b')).toBe(true);
    expect(defaults(await store.list())).toEqual(['local-bifrost']);
    expect(await store.delete('b')).toBe(false);
    expect(await store.delete('local-bifrost')).toBe(true);
    expect(defaults(await store.list())).toEqual(['a']);
  });

  it('un-flagging the only default moves the flag to the first profile', async () => {
    const store = createProfileStore({ file });
    await store.save(profile('a', { default: true }));
    await store.save(profile('a', { default: false }));
    expect(defaults(await store.list())).toEqual(['local-bifrost']);
  });

  it('moves a damaged file aside, loads the defaults and says why', async () => {
    await writeFile(file, '{"version":1,"profiles":[{"id":');
    const store = createProfileStore({ file, now: () => new Date('2025-05-06T07:08:09.000Z') });
    expect(await store.list()).toEqual(defaultProfiles);
    const warning = await store.loadWarning();
    expect(warning).toMatch(/not valid JSON/);
    expect(warning).toContain('profiles.json.damaged-2025-05-06T07-08-09-000Z');
    const names = (await readdir(dir)).sort();
    expect(names).toEqual(['profiles.json', 'profiles.json.damaged-2025-05-06T07-08-09-000Z']);
    expect(await readFile(join(dir, names[1] ?? ''), 'utf8')).toBe('{"version":1,"profiles":[{"id":');
    expect(await readStored()).toEqual({ version: 1, profiles: defaultProfiles });
  });

  it('treats a wrong version or an invalid profile as damaged too', async () => {
    await writeFile(file, JSON.stringify({ version: 2, profiles: [] }));
    expect(await createProfileStore({ file }).loadWarning()).toMatch(/version/);
    await writeFile(file, JSON.stringify({ version: 1, profiles: [{ ...profile('x'), baseUrl: 'nope' }] }));
    const store = createProfileStore({ file });
    expect(await store.loadWarning()).toMatch(/profiles\.0\.baseUrl/);
    expect(await store.list()).toEqual(defaultProfiles);
  });

  it('upserts presets by id at every start; the config file wins for those ids', async () => {
    const first = createProfileStore({ file });
    await first.save(profile('team', { name: 'Edited in the app' }));
    await first.save(profile('mine'));
    const presets = [profile('team', { name: 'From config' }), profile('new-preset')];
    const second = createProfileStore({ file, presets });
    const list = await second.list();
    expect(list.map((p) => [p.id, p.name])).toEqual([
      ['local-bifrost', 'Local Bifrost'],
      ['team', 'From config'],
      ['mine', 'Profile mine'],
      ['new-preset', 'Profile new-preset'],
    ]);
    expect((await readStored()).profiles.map((p) => p.id)).toEqual(list.map((p) => p.id));
  });

  it('a preset flagged default becomes the only default', async () => {
    const store = createProfileStore({ file, presets: [profile('p', { default: true })] });
    expect(defaults(await store.list())).toEqual(['p']);
  });

  it('returns copies: mutating a result does not change the store', async () => {
    const store = createProfileStore({ file });
    const [first] = await store.list();
    if (first) first.name = 'mutated';
    expect((await store.list())[0]?.name).toBe('Local Bifrost');
  });

  it('concurrent saves all end up in the file', async () => {
    const store = createProfileStore({ file });
    await Promise.all(['a', 'b', 'c', 'd'].map((id) => store.save(profile(id))));
    expect((await readStored()).profiles.map((p) => p.id).sort()).toEqual([
      'a',
      'b',
      'c',
      'd',
      'local-bifrost',
    ]);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('withSingleDefault', () => {
  it('keeps the first flagged, flags the first when none, prefers the given id', () => {
    const list = [profile('a', { default: true }), profile('b', { default: true }), profile('c')];
    expect(defaults(withSingleDefault(list))).toEqual(['a']);
    expect(defaults(withSingleDefault([profile('a'), profile('b')]))).toEqual(['a']);
    expect(defaults(withSingleDefault(list, 'c'))).toEqual(['c']);
    expect(withSingleDefault([])).toEqual([]);
    expect(withSingleDefault(list)[1]).not.toHaveProperty('default');
  });
});
