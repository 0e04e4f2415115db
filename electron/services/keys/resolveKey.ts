import type { KeyStatus, Profile, ProviderKind } from '@shared/contracts/profiles';
import type { SecretStore } from './secretStore';

export type Env = Readonly<Record<string, string | undefined>>;

/** The environment variable each kind falls back to when the profile names none that is set. */
export const DEFAULT_KEY_ENV: Readonly<Record<ProviderKind, string | undefined>> = {
  bifrost: 'BIFROST_API_KEY',
  openai: 'OPENAI_API_KEY',
  'openai-compatible': undefined,
  local: undefined,
};

export interface ResolvedKey {
  value?: string;
  status: KeyStatus;
}

/**
 * The key a profile's requests use: a key set in the app (stored or session) wins, then the
 * environment variable the profile names (`keyEnv`), then the kind's default variable.
 * Empty or blank variables count as unset.
 */
export async function resolveKey(profile: Profile, store: SecretStore, env: Env): Promise<ResolvedKey> {
  const stored = await store.get(profile.id);
  if (stored !== undefined && stored !== '') {
    return { value: stored, status: { configured: true, source: store.persistent ? 'stored' : 'session' } };
  }
  const candidates = [profile.keyEnv, DEFAULT_KEY_ENV[profile.kind]].filter(
    (name, index, all): name is string => name !== undefined && all.indexOf(name) === index,
  );
  for (const name of candidates) {
    const value = env[name]?.trim();
    if (value) return { value, status: { configured: true, source: 'env', envVar: name } };
  }
  const consulted = candidates[0];
  return {
    status: consulted
      ? { configured: false, source: 'none', envVar: consulted }
      : { configured: false, source: 'none' },
  };
}
