import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_PLACEHOLDER } from '@shared/completions/buildRequest';
import type { EventPayload } from '@shared/contracts/api';
import type { HistoryEntry, HistoryRun } from '@shared/contracts/history';
import type { Profile } from '@shared/contracts/profiles';
import { startFakeGateway, type FakeGateway } from '../../../e2e/fake-gateway/server';
import { createAppServices, type CreatedAppServices } from '../createAppServices';
import { createMemorySecretStore } from '../keys/secretStore';
import { createRouter, type Router } from '../router';
import { recordingClient } from '../testing/runHarness';

/** A real run through createAppServices and the fake Bifrost ends up in the history, key-free. */
const KEY = 'vk-history-secret-4821';
const MODEL = 'openai/gpt-3.5-turbo-instruct';

let gateway: FakeGateway;
let dir: string;
let services: CreatedAppServices;
let router: Router;
const client = recordingClient('window-1');

const ok = async <T>(name: string, input: unknown): Promise<T> => {
  const reply = await router.dispatch(name, input, client);
  if (!reply.ok) throw new Error(`${name} failed: ${reply.error.message}`);
  return reply.output as T;
};

beforeAll(async () => {
  gateway = await startFakeGateway({ requiredKey: KEY });
  dir = await mkdtemp(join(tmpdir(), 'history-int-'));
  const profile: Profile = {
    id: 'fake',
    name: 'Fake Bifrost',
    kind: 'bifrost',
    baseUrl: gateway.url,
    endpoint: '/v1/completions',
    headers: {},
  };
  services = createAppServices({
    mode: 'web',
    version: '0.0.0',
    userDataDir: dir,
    presets: [profile],
    secretStore: createMemorySecretStore('memory'),
    env: {},
  });
  router = createRouter(services.handlers);
  await ok('keys.set', { profileId: 'fake', key: KEY });
});
afterAll(async () => {
  await services.dispose();
  await gateway.close();
  await rm(dir, { recursive: true, force: true });
});

async function filesUnder(folder: string): Promise<string[]> {
  const names = await readdir(folder, { recursive: true, withFileTypes: true });
  return names.filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
}

describe('run history through createAppServices', () => {
  it('saves a streamed run with its text, tokens and summary, and never the key', async () => {
    const params = { model: MODEL, prompt: 'Once upon a time', seed: 7, n: 2, logprobs: 2, stream: true };
    await ok('runs.start', { runId: 'int-1', profileId: 'fake', params });
    const terminal = await client.terminal('int-1');
    expect(terminal.name).toBe('run.completed');
    await services.runs.settled('int-1', client.clientId);
    await services.history.flush();

    const listed = await ok<{ entries: HistoryEntry[]; total: number }>('history.list', {
      query: 'once UPON',
    });
    expect(listed.total).toBe(1);
    expect(listed.entries[0]).toMatchObject({
      id: 'int-1',
      status: 'completed',
      profileName: 'Fake Bifrost',
      model: MODEL,
      promptPreview: 'Once upon a time',
      choiceCount: 2,
    });
    const run = await ok<HistoryRun>('history.get', { id: 'int-1' });
    const texts = client.text('int-1');
    expect(run.choices.map((c) => c.text)).toEqual([texts[0], texts[1]]);
    expect(run.choices[0]?.text.length).toBeGreaterThan(0);
    expect(run.choices[0]?.tokens?.token.join('')).toBe(texts[0]);
    expect(run.summary).toEqual((terminal.payload as EventPayload<'run.completed'>).summary);
    expect(run.params).toEqual(params);
    expect(run.request.headers['x-bf-vk']).toBe(KEY_PLACEHOLDER);
    expect(run.arrivals.length).toBeGreaterThan(2);

    for (const file of await filesUnder(join(dir, 'history'))) {
      expect(await readFile(file, 'utf8')).not.toContain(KEY);
    }
    const exported = await ok<{ json: string }>('history.export', {});
    expect(exported.json).toContain('int-1');
    expect(exported.json).not.toContain(KEY);
  });

  it('saves a stopped run as interrupted with what had arrived; delete removes it', async () => {
    gateway.setTokensPerSecond(50);
    try {
      await ok('runs.start', {
        runId: 'int-2',
        profileId: 'fake',
        params: { model: MODEL, prompt: 'Stop me', max_tokens: 500, stream: true },
      });
      for (let i = 0; i < 200 && !client.text('int-2')[0]; i += 1)
        await new Promise((r) => setTimeout(r, 10));
      expect(await ok('runs.stop', { runId: 'int-2' })).toEqual({ stopped: true });
    } finally {
      gateway.setTokensPerSecond(0);
    }
    await services.runs.settled('int-2', client.clientId);
    await services.history.flush();
    const run = await ok<HistoryRun>('history.get', { id: 'int-2' });
    expect(run.entry.status).toBe('interrupted');
    expect(run.summary).not.toBeNull();
    expect(run.choices[0]?.text).toBe(client.text('int-2')[0]);
    expect(run.choices[0]?.text.length).toBeGreaterThan(0);

    const listed = await ok<{ entries: HistoryEntry[] }>('history.list', {});
    expect(listed.entries.map((e) => e.id)).toEqual(['int-2', 'int-1']);
    expect(await ok('history.delete', { id: 'int-2' })).toEqual({ deleted: true });
    expect((await ok<{ entries: HistoryEntry[] }>('history.list', {})).entries.map((e) => e.id)).toEqual([
      'int-1',
    ]);
  });
});
