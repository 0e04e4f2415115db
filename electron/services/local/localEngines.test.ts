import { describe, expect, it } from 'vitest';
import type { Profile } from '@shared/contracts/profiles';
import { connectProfile, createLocalEngines, type LocalServer } from './localEngines';

function fakeStarts() {
  const started: string[] = [];
  const closed: string[] = [];
  let fail = false;
  const start = async (modelPath: string): Promise<LocalServer> => {
    started.push(modelPath);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (fail) throw new Error('bad model');
    return {
      url: `http://127.0.0.1:${4000 + started.length}`,
      token: `t${started.length}`,
      close: async () => void closed.push(modelPath),
    };
  };
  return { start, started, closed, failNext: (value: boolean) => (fail = value) };
}

const local: Profile = {
  id: 'local',
  name: 'Local',
  kind: 'local',
  baseUrl: 'http://127.0.0.1',
  endpoint: '/v1/completions',
  headers: {},
  modelPath: '/models/a.gguf',
};

describe('local engines', () => {
  it('start once per model file, even for concurrent callers, and all stop together', async () => {
    const fake = fakeStarts();
    const engines = createLocalEngines(fake.start);
    const [a, b] = await Promise.all([engines.serverFor('/m/a.gguf'), engines.serverFor('/m/a.gguf')]);
    expect(a).toBe(b);
    await engines.serverFor('/m/b.gguf');
    expect(fake.started).toEqual(['/m/a.gguf', '/m/b.gguf']);
    await engines.closeAll();
    expect(fake.closed.sort()).toEqual(['/m/a.gguf', '/m/b.gguf']);
  });

  it('forget a failed start, so the next use tries again', async () => {
    const fake = fakeStarts();
    const engines = createLocalEngines(fake.start);
    fake.failNext(true);
    await expect(engines.serverFor('/m/a.gguf')).rejects.toThrow('bad model');
    fake.failNext(false);
    await expect(engines.serverFor('/m/a.gguf')).resolves.toMatchObject({ token: 't2' });
  });

  it('point a local profile at its engine with the engine token; leave other kinds alone', async () => {
    const fake = fakeStarts();
    const engines = createLocalEngines(fake.start);
    expect(await connectProfile(local, engines)).toEqual({
      profile: { ...local, baseUrl: 'http://127.0.0.1:4001', endpoint: '/v1/completions' },
      key: 't1',
    });
    expect(await connectProfile({ ...local, kind: 'openai-compatible' }, engines)).toBeNull();
    await expect(connectProfile(local, undefined)).rejects.toThrow(/not available/);
  });
});
