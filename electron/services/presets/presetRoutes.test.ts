import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRESETS_EXPORT_FORMAT } from '@shared/contracts/presets';
import { createAppServices, PRESETS_FILE_NAME } from '../createAppServices';
import { createMemorySecretStore } from '../keys/secretStore';
import { createRouter } from '../router';
import { recordingClient } from '../testing/runHarness';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'preset-routes-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup() {
  const services = createAppServices({
    mode: 'web',
    version: '0.0.0',
    userDataDir: dir,
    presets: [],
    secretStore: createMemorySecretStore('memory'),
    env: {},
    fetch: () => Promise.reject(new Error('no network in this test')),
  });
  const router = createRouter(services.handlers);
  const client = recordingClient();
  const call = (name: string, input: unknown) => router.dispatch(name, input, client);
  return { services, call };
}

describe('presets routes', () => {
  it('save, list, rename, delete and import go through the router with its checks', async () => {
    const { call, services } = setup();
    const saved = await call('presets.save', { name: 'Focused', params: { temperature: 0.2, stop: ['\n'] } });
    expect(saved).toMatchObject({ ok: true, output: { name: 'Focused', params: { temperature: 0.2 } } });
    const id = saved.ok ? (saved.output as { id: string }).id : '';

    // The contract refuses what is not a parameter preset (a prompt) and out-of-range values.
    const withPrompt = await call('presets.save', { name: 'x', params: { prompt: 'hi', temperature: 9 } });
    expect(withPrompt).toMatchObject({ ok: false });
    expect(withPrompt.ok ? '' : withPrompt.error.message).toMatch(/temperature/);

    expect(await call('presets.rename', { id, name: 'Precise' })).toMatchObject({
      ok: true,
      output: { id, name: 'Precise' },
    });
    const file = JSON.stringify({
      format: PRESETS_EXPORT_FORMAT,
      version: 1,
      presets: [{ name: 'Imported', params: { n: 2 } }],
    });
    expect(await call('presets.import', { json: file })).toEqual({
      ok: true,
      output: { imported: 1, skipped: 0, problems: [] },
    });
    const listed = await call('presets.list', {});
    expect(
      listed.ok ? (listed.output as { presets: Array<{ name: string }> }).presets.map((p) => p.name) : [],
    ).toEqual(['Imported', 'Precise']);
    expect(await call('presets.delete', { id })).toEqual({ ok: true, output: { deleted: true } });
    await services.dispose();
  });

  it('a damaged presets file is set aside and reported at start-up and in the list', async () => {
    await writeFile(join(dir, PRESETS_FILE_NAME), 'not json');
    const { call, services } = setup();
    const listed = await call('presets.list', {});
    expect(listed).toMatchObject({
      ok: true,
      output: { presets: [], warning: expect.stringMatching(/could not be read/) },
    });
    const info = await call('app.info', {});
    expect(info.ok ? (info.output as { warnings: string[] }).warnings.join('\n') : '').toMatch(
      /saved presets/,
    );
    expect((await readdir(dir)).some((name) => name.startsWith(`${PRESETS_FILE_NAME}.damaged-`))).toBe(true);
    await services.dispose();
  });
});
