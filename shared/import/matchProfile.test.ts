import { describe, expect, it } from 'vitest';
import { defaultProfiles, type Profile } from '../contracts/profiles';
import type { ProfileMatch } from './importRequest';
import { matchProfile } from './matchProfile';

const match = (overrides: Partial<ProfileMatch> = {}): ProfileMatch => ({
  baseUrl: 'http://localhost:8080',
  endpoint: '/v1/completions',
  kind: 'bifrost',
  headers: {},
  ...overrides,
});

const openai: Profile = {
  id: 'openai',
  name: 'OpenAI',
  kind: 'openai',
  baseUrl: 'https://api.openai.com/',
  endpoint: '/v1/completions',
  headers: {},
  keyEnv: 'OPENAI_API_KEY',
};

describe('matchProfile', () => {
  it('finds the profile with the same origin and endpoint', () => {
    expect(matchProfile(match({ keyEnv: 'BIFROST_API_KEY' }), [openai, ...defaultProfiles])).toEqual({
      kind: 'existing',
      profileId: 'local-bifrost',
      notes: [],
    });
    const oa = match({ baseUrl: 'https://api.openai.com', kind: 'openai', keyEnv: 'OPENAI_API_KEY' });
    expect(matchProfile(oa, [...defaultProfiles, openai])).toMatchObject({ profileId: 'openai' });
  });

  it('prefers the guessed kind among profiles with the same URL, and notes differences', () => {
    const other: Profile = {
      ...defaultProfiles[0]!,
      id: 'compat',
      kind: 'openai-compatible',
      keyEnv: undefined,
    };
    expect(matchProfile(match({ kind: 'openai-compatible' }), [...defaultProfiles, other])).toMatchObject({
      profileId: 'compat',
    });
    const result = matchProfile(match({ kind: 'openai-compatible', keyEnv: 'MY_KEY' }), defaultProfiles);
    expect(result).toEqual({
      kind: 'existing',
      profileId: 'local-bifrost',
      notes: [
        'The command looks like openai-compatible; the profile Local Bifrost is bifrost.',
        'The command reads the key from MY_KEY; the profile reads BIFROST_API_KEY.',
      ],
    });
  });

  it('suggests a new valid profile named after the host, with a unique id', () => {
    const taken: Profile = { ...openai, id: 'gw.example.com-8443' };
    const result = matchProfile(
      match({
        baseUrl: 'https://gw.example.com:8443',
        endpoint: '/openai/v1/completions',
        headers: { 'x-bf-cache-key': 'k' },
        keyEnv: 'GW_KEY',
      }),
      [taken],
    );
    expect(result).toEqual({
      kind: 'new',
      profile: {
        id: 'gw.example.com-8443-2',
        name: 'gw.example.com:8443',
        kind: 'bifrost',
        baseUrl: 'https://gw.example.com:8443',
        endpoint: '/openai/v1/completions',
        headers: { 'x-bf-cache-key': 'k' },
        keyEnv: 'GW_KEY',
      },
      problems: [],
    });
  });
});
