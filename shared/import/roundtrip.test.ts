import { describe, expect, it } from 'vitest';
import { buildCompletionRequest, KEY_PLACEHOLDER } from '../completions/buildRequest';
import type { CompletionParams } from '../contracts/params';
import { credentialHeaderNames, type Profile } from '../contracts/profiles';
import { exportAs, type ExportTarget } from '../export/exportAs';
import {
  bifrostProfile,
  HOSTILE_ASCII,
  HOSTILE_HEADER,
  HOSTILE_TEXT,
  hostileParams,
  openaiProfile,
} from '../export/testing/exportFixtures';
import { importCurl } from './importCurl';

// Export with each shell, import the text back: the same request must come out.

const TARGETS: ExportTarget[] = ['curl-posix', 'curl-cmd', 'curl-powershell'];
const PROFILE_HEADERS = { 'x-bf-cache-key': HOSTILE_HEADER, 'x-bf-cache-ttl': '60s', 'X-Empty': '' };
const cases = TARGETS.flatMap((target) =>
  [
    { name: 'ASCII', prompt: HOSTILE_ASCII },
    { name: 'full', prompt: HOSTILE_TEXT },
  ].flatMap(({ name, prompt }) => [true, false].map((stream) => ({ target, name, prompt, stream }))),
);

function nonKeyHeaders(
  headers: Array<{ name: string; value: string }> | Record<string, string>,
): Record<string, string> {
  const entries = Array.isArray(headers)
    ? headers.map(({ name, value }) => [name, value] as const)
    : Object.entries(headers);
  return Object.fromEntries(entries.filter(([name]) => !credentialHeaderNames.includes(name.toLowerCase())));
}

function roundTrip(
  target: ExportTarget,
  profile: Profile,
  params: CompletionParams,
  options: { realKey?: string } = {},
) {
  const source = buildCompletionRequest(profile, params, KEY_PLACEHOLDER);
  const exported = exportAs(target, source, {
    profileKind: profile.kind,
    ...(options.realKey !== undefined ? { includeRealKey: { key: options.realKey } } : {}),
  });
  const files = exported.bodyFile ? { [exported.bodyFile.name]: exported.bodyFile.content } : undefined;
  return {
    source,
    exported,
    imported: importCurl(exported.text, { ...(files ? { files } : {}), existingProfiles: [profile] }),
  };
}

describe('export → import round trips (hostile prompts)', () => {
  it.each(cases)('$target, $name prompt, stream $stream', ({ target, prompt, stream }) => {
    const profile = {
      ...bifrostProfile('http://127.0.0.1:8080', PROFILE_HEADERS),
      keyEnv: 'BIFROST_API_KEY',
    };
    const params = hostileParams(prompt, stream);
    const { source, imported } = roundTrip(target, profile, params);

    expect(imported.shell).toBe(target.replace('curl-', ''));
    expect(imported.problems).toEqual([]);
    expect(imported.parsed.method).toBe('POST');
    expect(imported.parsed.url).toBe(source.url);
    expect(nonKeyHeaders(imported.parsed.headers)).toEqual(nonKeyHeaders(source.headers));
    expect(imported.parsed.noBuffer).toBe(stream);
    // Byte-identical: inline (POSIX, cmd ASCII), from the PowerShell temp file, or from body.json.
    expect(imported.parsed.body).toBe(source.body);
    expect(imported.params).toEqual(params);
    expect(imported.unknownFields).toEqual([]);
    expect(imported.profileMatch).toEqual({
      baseUrl: 'http://127.0.0.1:8080',
      endpoint: '/v1/completions',
      kind: 'bifrost',
      headers: PROFILE_HEADERS,
      keyEnv: 'BIFROST_API_KEY',
    });
    expect(imported.profile).toEqual({ kind: 'existing', profileId: profile.id, notes: [] });
  });

  it('cmd: a body in body.json that was not provided is reported, not guessed', () => {
    const source = buildCompletionRequest(
      bifrostProfile('http://127.0.0.1:8080'),
      hostileParams(HOSTILE_TEXT, true),
      KEY_PLACEHOLDER,
    );
    const exported = exportAs('curl-cmd', source, { profileKind: 'bifrost' });
    expect(exported.bodyFile?.name).toBe('body.json');
    const imported = importCurl(exported.text);
    expect(imported.parsed.body).toBeNull();
    expect(imported.params).toEqual({});
    expect(imported.problems).toEqual(['The body is in body.json; paste its content.']);
  });

  it.each(TARGETS)('%s: an OpenAI-compatible profile reads the key from OPENAI_API_KEY', (target) => {
    const params: CompletionParams = { model: 'gpt-3.5-turbo-instruct', prompt: 'Say "hi"', max_tokens: 5 };
    const { source, imported } = roundTrip(
      target,
      { ...openaiProfile('https://llm.example.com'), kind: 'openai-compatible' },
      params,
    );
    expect(imported.parsed.body).toBe(source.body);
    expect(imported.params).toEqual(params);
    expect(imported.profileMatch).toMatchObject({
      kind: 'openai-compatible',
      keyEnv: 'OPENAI_API_KEY',
      headers: {},
    });
    expect(imported.profile).toMatchObject({ kind: 'existing', profileId: 'oa' });
  });

  it.each(TARGETS)('%s: an export with the real key gives it back as a literal key only', (target) => {
    const key = 'sk-roundtrip-1';
    const { imported } = roundTrip(
      target,
      bifrostProfile('http://127.0.0.1:8080'),
      hostileParams('x', false),
      { realKey: key },
    );
    expect(imported.profileMatch?.literalKey).toBe(key);
    expect(imported.profileMatch?.keyEnv).toBeUndefined();
    expect(JSON.stringify(imported.profileMatch?.headers)).not.toContain(key);
    expect(JSON.stringify(imported.problems)).not.toContain(key);
  });
});
