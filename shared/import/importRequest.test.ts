import { describe, expect, it } from 'vitest';
import { importRequest } from './importRequest';
import { parseCurl } from './parseCurl';

const fromArgs = (...args: string[]): ReturnType<typeof importRequest> =>
  importRequest(parseCurl(['curl', ...args]));
const body = (fields: Record<string, unknown>): string => JSON.stringify({ prompt: 'p', ...fields });

describe('importRequest', () => {
  it('splits the URL into origin and endpoint and keeps only extra, non-credential headers', () => {
    const result = fromArgs(
      'http://gw:8080/openai/v1/completions?x=1',
      '-H',
      'Content-Type: application/json',
      '-H',
      'Accept: text/event-stream',
      '-H',
      'x-bf-cache-key: k1',
      '-H',
      'x-bf-vk: $BIFROST_API_KEY',
      '-H',
      'X-Empty;',
      '-d',
      body({ model: 'openai/m' }),
    );
    expect(result.profileMatch).toEqual({
      baseUrl: 'http://gw:8080',
      endpoint: '/openai/v1/completions?x=1',
      kind: 'bifrost',
      headers: { 'x-bf-cache-key': 'k1', 'X-Empty': '' },
      keyEnv: 'BIFROST_API_KEY',
    });
    expect(result.problems).toEqual([]);
  });

  it.each([
    ['https://api.openai.com/v1/completions', [], { model: 'openai/x' }, 'openai'],
    ['http://localhost:8080/v1/completions', [], { model: 'openai/x' }, 'bifrost'],
    ['http://localhost:8080/openai/v1/completions', [], { model: 'openai/x' }, 'openai-compatible'],
    ['http://h/v1/completions', [], { model: 'x', fallbacks: ['a/b'] }, 'bifrost'],
    ['http://h/any/completions', ['-H', 'x-bf-cache-ttl: 5s'], { model: 'x' }, 'bifrost'],
    ['http://localhost:11434/v1/completions', [], { model: 'llama3' }, 'openai-compatible'],
  ] as const)('guesses the kind of %s %j %j: %s', (url, headers, fields, kind) => {
    expect(fromArgs(url, ...headers, '-d', body(fields)).profileMatch?.kind).toBe(kind);
  });

  it('offers a literal key for the key store, never as a profile header, and keeps it out of problems', () => {
    const result = fromArgs(
      'https://api.openai.com/v1/completions',
      '-H',
      'Authorization: Bearer sk-live-123',
      '-d',
      body({ model: 'm' }),
    );
    expect(result.profileMatch?.literalKey).toBe('sk-live-123');
    expect(result.profileMatch?.keyEnv).toBeUndefined();
    expect(result.profileMatch?.headers).toEqual({});
    expect(JSON.stringify(result.problems)).not.toContain('sk-live-123');
    expect(result.problems).toEqual([
      'The Authorization header holds a key itself: store it in the key store rather than in the profile.',
    ]);
  });

  it('reports a variable that cannot be a key variable, placeholders and a second key header', () => {
    const result = fromArgs(
      'http://h/v1/completions',
      '-H',
      'Authorization: Bearer $HOME',
      '-H',
      'x-bf-vk: <key>',
      '-d',
      body({ model: 'm' }),
    );
    expect(result.profileMatch?.keyEnv).toBeUndefined();
    expect(result.problems).toEqual([
      'The key comes from HOME, which cannot be a key variable (names end in _KEY or _TOKEN).',
      'The x-bf-vk header holds a placeholder: set the key in the key field.',
    ]);
  });

  it('reports the method, a non-JSON content type, a non-completions path, -N without stream and a missing body', () => {
    const result = fromArgs(
      '-X',
      'PUT',
      '-N',
      'http://h/v1/chat',
      '-H',
      'Content-Type: text/plain',
      '-d',
      body({ model: 'm' }),
    );
    expect(result.problems).toEqual([
      'The method is PUT; completions are sent with POST.',
      '-N (no buffering) was given, but the body does not ask for streaming (stream: true).',
      'The path /v1/chat is not a /completions endpoint.',
      'Content-Type is text/plain; the app always sends application/json.',
    ]);
    expect(fromArgs('http://h/v1/completions').problems).toContain('The command has no body.');
    expect(fromArgs('ftp://h/x', '-d', '{}').profileMatch).toBeNull();
    expect(fromArgs('not a url', '-d', '{}').problems).toContain('Not a URL: not a url');
  });

  it('passes on params, unknown and invalid fields and notes from the body', () => {
    const result = fromArgs(
      'http://h/v1/completions',
      '-d',
      body({ model: 'm', stop: 'x', top_k: 4, seed: 'a' }),
    );
    expect(result.params).toEqual({ model: 'm', prompt: 'p', stop: ['x'] });
    expect(result.unknownFields).toEqual([{ name: 'top_k', value: 4 }]);
    expect(result.invalidFields.map((field) => field.name)).toEqual(['seed']);
    expect(result.notes).toHaveLength(1);
  });
});
