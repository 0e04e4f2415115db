import { describe, expect, it } from 'vitest';
import type { Profile } from '@shared/contracts/profiles';
import {
  draftFromProfile,
  emptyDraft,
  withKind,
  newHeaderRow,
  profileFromDraft,
  profileIdFromName,
} from './profileDraft';

const saved: Profile = {
  id: 'gw',
  name: 'Gateway',
  kind: 'bifrost',
  baseUrl: 'http://127.0.0.1:8080',
  endpoint: '/openai/v1/completions',
  headers: { 'x-team': 'lab' },
  keyEnv: 'GW_KEY',
  firstByteTimeoutMs: 5000,
};

describe('profileIdFromName', () => {
  it('slugs the name and avoids ids in use', () => {
    expect(profileIdFromName('My Gateway', [])).toBe('my-gateway');
    expect(profileIdFromName('Café  Local!', [])).toBe('cafe-local');
    expect(profileIdFromName('My Gateway', ['my-gateway', 'my-gateway-2'])).toBe('my-gateway-3');
    expect(profileIdFromName('   ', [])).toBe('profile');
  });
});

describe('profileFromDraft', () => {
  it('round-trips a saved profile', () => {
    const result = profileFromDraft(draftFromProfile(saved), []);
    expect(result).toEqual({ ok: true, profile: saved });
  });

  it('gives a new profile an id from its name and leaves empty optionals out', () => {
    const result = profileFromDraft({ ...emptyDraft(), name: 'Local vLLM', kind: 'openai-compatible' }, [
      'x',
    ]);
    expect(result.ok && result.profile).toEqual({
      id: 'local-vllm',
      name: 'Local vLLM',
      kind: 'openai-compatible',
      baseUrl: 'http://localhost:8080',
      endpoint: '/v1/completions',
      headers: {},
    });
  });

  it('reports schema messages per field', () => {
    const result = profileFromDraft(
      {
        ...emptyDraft(),
        name: ' ',
        baseUrl: 'ftp://x',
        endpoint: 'v1',
        keyEnv: '1BAD',
        stallTimeoutMs: '10',
      },
      [],
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.name).toEqual(['Give the profile a name']);
    expect(result.issues.baseUrl).toEqual(['Enter an http:// or https:// URL']);
    expect(result.issues.endpoint).toEqual(['Starts with /']);
    expect(result.issues.keyEnv).toContain('Not a valid environment variable name');
    expect(result.issues.stallTimeoutMs).toEqual(['Between 100 and 600000 ms']);
  });

  it('flags header rows: credentials, bad names, duplicates, missing names', () => {
    const auth = newHeaderRow('Authorization', 'Bearer x');
    const bad = newHeaderRow('bad name', 'v');
    const first = newHeaderRow('x-a', '1');
    const dup = newHeaderRow('X-A', '2');
    const nameless = newHeaderRow('', 'value');
    const blank = newHeaderRow('', '');
    const result = profileFromDraft(
      {
        ...draftFromProfile(saved),
        headers: [auth, bad, first, dup, nameless, blank],
        firstByteTimeoutMs: 'soon',
      },
      [],
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[`header:${auth.id}`]).toEqual(['Keys go in the key field, not in extra headers']);
    expect(result.issues[`header:${bad.id}`]).toEqual(['Not a valid header name']);
    expect(result.issues[`header:${dup.id}`]).toEqual(['This header is already listed']);
    expect(result.issues[`header:${nameless.id}`]).toEqual(['Enter a header name']);
    expect(result.issues[`header:${blank.id}`]).toBeUndefined();
    expect(result.issues.firstByteTimeoutMs).toEqual(['Enter a whole number of milliseconds']);
  });
});

describe('withKind', () => {
  it('moves untouched defaults to the new kind, and keeps what the user typed', () => {
    const openai = withKind(emptyDraft(), 'openai');
    expect(openai).toMatchObject({
      kind: 'openai',
      baseUrl: 'https://api.openai.com/v1',
      endpoint: '/completions',
    });
    const typed = withKind({ ...emptyDraft(), baseUrl: 'http://gateway.internal:9000' }, 'openai');
    expect(typed).toMatchObject({
      kind: 'openai',
      baseUrl: 'http://gateway.internal:9000',
      endpoint: '/completions',
    });
  });
});
