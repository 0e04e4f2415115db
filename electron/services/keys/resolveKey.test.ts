import { describe, expect, it } from 'vitest';
import type { Profile } from '@shared/contracts/profiles';
import { resolveKey } from './resolveKey';
import { createMemorySecretStore, type SecretStore } from './secretStore';

const profile = (extra: Partial<Profile> = {}): Profile => ({
  id: 'p',
  name: 'P',
  kind: 'bifrost',
  baseUrl: 'http://localhost:8080',
  endpoint: '/v1/completions',
  headers: {},
  ...extra,
});

const persistentStore = (keys: Record<string, string>): SecretStore => ({
  ...createMemorySecretStore('disk'),
  persistent: true,
  get: async (id) => keys[id],
});

describe('resolveKey', () => {
  it('a stored key wins over the environment, with source stored/session by store kind', async () => {
    const env = { BIFROST_API_KEY: 'env-key', MY_KEY: 'mine' };
    expect(await resolveKey(profile({ keyEnv: 'MY_KEY' }), persistentStore({ p: 'disk-key' }), env)).toEqual({
      value: 'disk-key',
      status: { configured: true, source: 'stored' },
    });
    const session = createMemorySecretStore('memory');
    await session.set('p', 'session-key');
    expect(await resolveKey(profile(), session, env)).toEqual({
      value: 'session-key',
      status: { configured: true, source: 'session' },
    });
  });

  it('then the profile keyEnv, then the default variable of the kind', async () => {
    const store = createMemorySecretStore('m');
    expect(
      await resolveKey(profile({ keyEnv: 'MY_KEY' }), store, { MY_KEY: ' mine ', BIFROST_API_KEY: 'b' }),
    ).toEqual({
      value: 'mine',
      status: { configured: true, source: 'env', envVar: 'MY_KEY' },
    });
    expect(
      await resolveKey(profile({ keyEnv: 'MY_KEY' }), store, { MY_KEY: '  ', BIFROST_API_KEY: 'b' }),
    ).toEqual({
      value: 'b',
      status: { configured: true, source: 'env', envVar: 'BIFROST_API_KEY' },
    });
    expect(
      await resolveKey(profile({ kind: 'openai' }), store, { OPENAI_API_KEY: 'o', BIFROST_API_KEY: 'b' }),
    ).toEqual({ value: 'o', status: { configured: true, source: 'env', envVar: 'OPENAI_API_KEY' } });
  });

  it('says which variable was consulted when nothing is configured', async () => {
    const store = createMemorySecretStore('m');
    expect(await resolveKey(profile({ keyEnv: 'MY_KEY' }), store, {})).toEqual({
      status: { configured: false, source: 'none', envVar: 'MY_KEY' },
    });
    expect(await resolveKey(profile(), store, {})).toEqual({
      status: { configured: false, source: 'none', envVar: 'BIFROST_API_KEY' },
    });
  });

  it('openai-compatible has no default variable', async () => {
    const store = createMemorySecretStore('m');
    const compat = profile({ kind: 'openai-compatible' });
    expect(await resolveKey(compat, store, { OPENAI_API_KEY: 'o', BIFROST_API_KEY: 'b' })).toEqual({
      status: { configured: false, source: 'none' },
    });
    expect(await resolveKey({ ...compat, keyEnv: 'VLLM_KEY' }, store, { VLLM_KEY: 'v' })).toEqual({
      value: 'v',
      status: { configured: true, source: 'env', envVar: 'VLLM_KEY' },
    });
  });
});
