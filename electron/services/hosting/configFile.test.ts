import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseConfigFile, findConfigArg, loadConfigFile } from './configFile';

describe('config file selection', () => {
  it('prefers --config over PLAYGROUND_CONFIG', () => {
    expect(chooseConfigFile('a.json', { PLAYGROUND_CONFIG: 'b.json' })).toBe('a.json');
    expect(chooseConfigFile(undefined, { PLAYGROUND_CONFIG: 'b.json' })).toBe('b.json');
    expect(chooseConfigFile(undefined, { PLAYGROUND_CONFIG: ' ' })).toBeUndefined();
    expect(chooseConfigFile(undefined, {})).toBeUndefined();
  });

  it('finds --config in an argv full of other switches', () => {
    expect(findConfigArg(['/bin/electron', '.', '--no-sandbox', '--config', 'x.json'])).toBe('x.json');
    expect(findConfigArg(['/bin/electron', '--config=y.json'])).toBe('y.json');
    expect(findConfigArg(['/bin/electron', '.'])).toBeUndefined();
  });
});

describe('loadConfigFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'config-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const write = async (name: string, text: string) => {
    const file = join(dir, name);
    await writeFile(file, text);
    return file;
  };

  it('returns no profiles without a file', async () => {
    expect(await loadConfigFile(undefined)).toEqual({ ok: true, profiles: [] });
  });

  it('parses profiles and applies the schema defaults', async () => {
    const file = await write(
      'good.json',
      JSON.stringify({ profiles: [{ id: 'p', name: 'P', kind: 'openai', baseUrl: 'http://127.0.0.1:1' }] }),
    );
    const result = await loadConfigFile(file);
    expect(result).toMatchObject({
      ok: true,
      file,
      profiles: [{ id: 'p', endpoint: '/v1/completions', headers: {} }],
    });
  });

  it('names the file and the problem when something is wrong', async () => {
    const missing = await loadConfigFile(join(dir, 'missing.json'));
    expect(missing).toEqual({
      ok: false,
      message: `Config file ${join(dir, 'missing.json')}: the file does not exist`,
    });

    const badJson = await loadConfigFile(await write('bad.json', '{"profiles": ['));
    expect(badJson.ok).toBe(false);
    expect(!badJson.ok && badJson.message).toMatch(/bad\.json is not valid JSON/);

    const badShape = await loadConfigFile(
      await write(
        'shape.json',
        JSON.stringify({ profiles: [{ id: 'p', name: 'P', kind: 'openai', baseUrl: 'ftp://x' }] }),
      ),
    );
    expect(!badShape.ok && badShape.message).toMatch(
      /shape\.json is invalid: profiles\.0\.baseUrl: Enter an http/,
    );

    const profile = { name: 'P', kind: 'openai', baseUrl: 'http://x' };
    const duplicate = await loadConfigFile(
      await write(
        'dup.json',
        JSON.stringify({
          profiles: [
            { id: 'p', ...profile },
            { id: 'p', ...profile },
          ],
        }),
      ),
    );
    expect(!duplicate.ok && duplicate.message).toMatch(/dup\.json is invalid: profile id "p" appears twice/);
  });
});
