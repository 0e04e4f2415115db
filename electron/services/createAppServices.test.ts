import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEY_PLACEHOLDER } from '@shared/completions/buildRequest';
import type { Profile } from '@shared/contracts/profiles';
import type { InvokeReply } from '@shared/contracts/wire';
import { createAppServices, type AppServicesOptions } from './createAppServices';
import { createMemorySecretStore } from './keys/secretStore';
import { createLocalEngines } from './local/localEngines';
import { createRouter } from './router';
import type { FetchLike } from './runner/launchRun';
import { recordingClient } from './testing/runHarness';

const KEY = 'sk-services-secret-77';
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'services-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const compat: Profile = {
  id: 'compat',
  name: 'Compat',
  kind: 'openai-compatible',
  baseUrl: 'http://compat.test',
  endpoint: '/v1/completions',
  headers: {},
};

function setup(extra: Partial<AppServicesOptions> = {}) {
  const calls: Array<{ url: string; method: string; headers: Record<string, string>; signal: AbortSignal }> =
    [];
  const fetch: FetchLike = (url, init) => {
    calls.push({ url, method: init.method, headers: init.headers, signal: init.signal });
    if (init.method === 'GET')
      return Promise.resolve(Response.json({ data: [{ id: 'openai/davinci-002' }] }));
    return new Promise((_resolve, reject) =>
      init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
    );
  };
  const services = createAppServices({
    mode: 'web',
    version: '1.2.3',
    userDataDir: dir,
    presets: [compat],
    secretStore: createMemorySecretStore('Kept in memory until the host stops'),
    env: { BIFROST_API_KEY: 'env-bifrost-key' },
    fetch,
    ...extra,
  });
  const router = createRouter(services.handlers);
  const client = recordingClient();
  const outputs: unknown[] = [];
  const call = async (name: string, input: unknown): Promise<InvokeReply> => {
    const reply = await router.dispatch(name, input, client);
    outputs.push(reply);
    return reply;
  };
  const ok = async <T>(name: string, input: unknown): Promise<T> => {
    const reply = await call(name, input);
    if (!reply.ok) throw new Error(`${name} failed: ${reply.error.message}`);
    return reply.output as T;
  };
  return { services, call, ok, calls, client, outputs };
}

describe('createAppServices', () => {
  it('app.info reports the mode, version and key storage', async () => {
    const { ok } = setup();
    expect(await ok('app.info', {})).toEqual({
      mode: 'web',
      version: '1.2.3',
      keyStorage: { persistent: false, description: 'Kept in memory until the host stops' },
      warnings: [],
    });
  });

  it('profiles: list (defaults + presets) with key status, save, delete (which clears the key)', async () => {
    const { ok, outputs } = setup();
    const list = await ok<Array<{ id: string; keyStatus: unknown }>>('profiles.list', {});
    expect(list.map((p) => [p.id, p.keyStatus])).toEqual([
      ['local-bifrost', { configured: true, source: 'env', envVar: 'BIFROST_API_KEY' }],
      ['compat', { configured: false, source: 'none' }],
    ]);
    const saved = await ok('profiles.save', { ...compat, id: 'mine', name: 'Mine', default: true });
    expect(saved).toMatchObject({ id: 'mine', default: true, keyStatus: { configured: false } });
    expect(await ok('keys.set', { profileId: 'mine', key: KEY })).toEqual({
      configured: true,
      source: 'session',
    });
    expect(await ok('profiles.delete', { profileId: 'mine' })).toEqual({ deleted: true });
    // A new profile with the same id does not inherit the key.
    expect(await ok('profiles.save', { ...compat, id: 'mine', name: 'Again' })).toMatchObject({
      keyStatus: { configured: false },
    });
    expect(await ok('profiles.delete', { profileId: 'nope' })).toEqual({ deleted: false });
    expect(JSON.stringify(outputs)).not.toContain(KEY);
  });

  it('keys: set/clear return the status (falling back to env), never the key; unknown profiles fail', async () => {
    const { ok, call, outputs } = setup();
    expect(await ok('keys.set', { profileId: 'local-bifrost', key: `  ${KEY}  ` })).toEqual({
      configured: true,
      source: 'session',
    });
    expect(await ok('keys.clear', { profileId: 'local-bifrost' })).toEqual({
      configured: true,
      source: 'env',
      envVar: 'BIFROST_API_KEY',
    });
    const unknown = await call('keys.set', { profileId: 'ghost', key: KEY });
    expect(unknown).toEqual({ ok: false, error: { message: 'Unknown profile: ghost' } });
    expect(JSON.stringify(outputs)).not.toContain(KEY);
  });

  it('forgets a stored key when the profile moves to another origin, keeps it otherwise', async () => {
    const { ok } = setup();
    await ok('keys.set', { profileId: 'compat', key: KEY });
    const samePlace = await ok<{ keyStatus: { source: string } }>('profiles.save', {
      ...compat,
      name: 'Renamed',
    });
    expect(samePlace.keyStatus.source).toBe('session');
    const moved = await ok<{ keyStatus: { configured: boolean } }>('profiles.save', {
      ...compat,
      baseUrl: 'http://elsewhere.test',
    });
    expect(moved.keyStatus.configured).toBe(false);
  });

  it('refuses a keyEnv that is not a key-like variable name', async () => {
    const { call } = setup();
    const reply = await call('profiles.save', { ...compat, keyEnv: 'AWS_SECRET_ACCESS' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toMatch(/_KEY or _TOKEN/);
  });

  it("prices: the user's own prices are set, listed, persisted and removed", async () => {
    const { ok } = setup();
    expect(await ok('prices.get', {})).toEqual({});
    const price = { inputPerMillion: 3, outputPerMillion: 4 };
    expect(await ok('prices.set', { model: 'openai/davinci-002', price })).toEqual({
      'openai/davinci-002': price,
    });
    expect(await setup().ok('prices.get', {})).toEqual({ 'openai/davinci-002': price });
    expect(await ok('prices.set', { model: 'openai/davinci-002', price: null })).toEqual({});
  });

  it('keys.test and models.list use the profile key and URL', async () => {
    const { ok, calls } = setup();
    await ok('keys.set', { profileId: 'compat', key: KEY });
    expect(await ok('keys.test', { profileId: 'compat' })).toEqual({
      ok: true,
      message: 'Key accepted by http://compat.test/v1/models',
    });
    expect(await ok('models.list', { profileId: 'compat' })).toEqual({
      models: [{ id: 'openai/davinci-002' }],
    });
    expect(calls.map((c) => [c.method, c.url, c.headers.Authorization])).toEqual([
      ['GET', 'http://compat.test/v1/models', `Bearer ${KEY}`],
      ['GET', 'http://compat.test/v1/models', `Bearer ${KEY}`],
    ]);
  });

  it('requests.preview shows the request with the key as a placeholder', async () => {
    const { ok } = setup();
    const preview = await ok<{ url: string; headers: Record<string, string>; body: string }>(
      'requests.preview',
      {
        profileId: 'local-bifrost',
        params: { model: 'openai/m', prompt: 'Hi', max_tokens: 5 },
      },
    );
    expect(preview.url).toBe('http://localhost:8080/v1/completions');
    expect(preview.headers['x-bf-vk']).toBe(KEY_PLACEHOLDER);
    expect(JSON.parse(preview.body)).toEqual({ model: 'openai/m', prompt: 'Hi', max_tokens: 5 });
  });

  it('a local profile goes to its engine (started on first use) with the engine token as its key', async () => {
    const started: string[] = [];
    const localEngines = createLocalEngines(async (modelPath) => {
      started.push(modelPath);
      return { url: 'http://127.0.0.1:5999', token: 'engine-token', close: async () => undefined };
    });
    const tiny: Profile = {
      id: 'tiny',
      name: 'Tiny',
      kind: 'local',
      baseUrl: 'http://127.0.0.1',
      endpoint: '/v1/completions',
      headers: {},
      modelPath: '/models/tiny.gguf',
    };
    const { ok, calls, services } = setup({ presets: [compat, tiny], localEngines });
    const listed = await ok<Array<{ id: string; keyStatus: unknown }>>('profiles.list', {});
    expect(listed.find((profile) => profile.id === 'tiny')?.keyStatus).toEqual({
      configured: true,
      source: 'engine',
    });
    expect(started).toEqual([]); // listing profiles starts nothing
    const preview = await ok<{ url: string; headers: Record<string, string> }>('requests.preview', {
      profileId: 'tiny',
      params: { model: 'tiny', prompt: 'Hi' },
    });
    expect(preview.url).toBe('http://127.0.0.1:5999/v1/completions');
    expect(preview.headers['Authorization']).toBe(`Bearer ${KEY_PLACEHOLDER}`);
    await ok('models.list', { profileId: 'tiny' });
    expect(calls.at(-1)).toMatchObject({
      url: 'http://127.0.0.1:5999/v1/models',
      headers: { Authorization: 'Bearer engine-token' },
    });
    expect(started).toEqual(['/models/tiny.gguf']);
    await services.dispose();
  });

  it('engine.pick uses the desktop file dialog, and says it is unavailable without one', async () => {
    expect(await setup().ok('engine.pick', {})).toEqual({ path: null, available: false });
    const picked = setup({ pickModelFile: async () => '/models/picked.gguf' });
    expect(await picked.ok('engine.pick', {})).toEqual({ path: '/models/picked.gguf', available: true });
  });

  it("keys.copy puts the export with the key runs use on main's clipboard, never in the reply", async () => {
    const written: string[] = [];
    const { ok, call } = setup({ clipboard: { writeText: (text) => void written.push(text) } });
    const preview = await ok<{ url: string; headers: Record<string, string>; body: string }>(
      'requests.preview',
      { profileId: 'local-bifrost', params: { model: 'openai/m', prompt: 'Hi' } },
    );
    const input = {
      profileId: 'local-bifrost',
      confirm: true,
      target: 'curl-posix',
      source: { method: 'POST', ...preview },
    };
    expect(await ok('keys.copy', input)).toEqual({ copied: true, message: 'Copied, with your real API key' });
    expect(written.at(-1)).toContain('x-bf-vk: env-bifrost-key');
    // A key set in the app wins over the environment, as for runs.
    await ok('keys.set', { profileId: 'local-bifrost', key: KEY });
    const reply = await call('keys.copy', input);
    expect(JSON.stringify(reply)).not.toContain(KEY);
    expect(written.at(-1)).toContain(`x-bf-vk: ${KEY}`);
    for (const refused of [
      { ...input, confirm: false },
      { ...input, confirm: undefined },
    ]) {
      expect((await call('keys.copy', refused)).ok).toBe(false);
    }
    expect(written).toHaveLength(2);
    expect(await call('keys.copy', { ...input, profileId: 'ghost' })).toEqual({
      ok: false,
      error: { message: 'Unknown profile: ghost' },
    });
  });

  it('keys.copy in browser mode (no clipboard in the host) copies nothing and says why', async () => {
    const { ok } = setup();
    const reply = await ok<{ copied: boolean; message: string }>('keys.copy', {
      profileId: 'local-bifrost',
      confirm: true,
      target: 'json',
      source: { method: 'POST', url: 'http://localhost:8080/v1/completions', headers: {}, body: '{}' },
    });
    expect(reply.copied).toBe(false);
    expect(reply.message).toMatch(/Browser mode cannot copy your real key/);
  });

  it('runs.start returns the preview, runs.stop aborts with run.aborted', async () => {
    const { ok, client, calls, services } = setup();
    const started = await ok<{ runId: string; request: { headers: Record<string, string> } }>('runs.start', {
      runId: 'run-1',
      profileId: 'local-bifrost',
      params: { model: 'openai/m', prompt: 'Hi', stream: true },
    });
    expect(started.runId).toBe('run-1');
    expect(started.request.headers['x-bf-vk']).toBe(KEY_PLACEHOLDER);
    expect(calls[0]?.headers['x-bf-vk']).toBe('env-bifrost-key');
    expect(await ok('runs.stop', { runId: 'run-1' })).toEqual({ stopped: true });
    expect(client.events.map((e) => e.name)).toEqual(['run.aborted']);
    expect(await ok('runs.stop', { runId: 'run-1' })).toEqual({ stopped: false });
    await services.dispose();
  });

  it('clientClosed and dispose abort runs silently', async () => {
    const { ok, services, client, calls } = setup();
    const params = { model: 'openai/m', prompt: 'Hi' };
    await ok('runs.start', { runId: 'a', profileId: 'local-bifrost', params });
    await ok('runs.start', { runId: 'b', profileId: 'local-bifrost', params });
    services.clientClosed('client-1');
    expect(calls.every((c) => c.signal.aborted)).toBe(true);
    expect(services.runs.activeCount()).toBe(0);
    await ok('runs.start', { runId: 'c', profileId: 'local-bifrost', params });
    await services.dispose();
    expect(services.runs.activeCount()).toBe(0);
    expect(client.events).toEqual([]);
  });

  it('reports a damaged profiles file among the startup warnings', async () => {
    await writeFile(join(dir, 'profiles.json'), '{oops');
    const { services, ok } = setup({ presets: [] });
    expect(await services.startupWarnings()).toEqual([expect.stringMatching(/could not be read.*damaged-/)]);
    expect((await ok<unknown[]>('profiles.list', {})).length).toBe(1);
  });
});
