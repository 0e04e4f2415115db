import { describe, expect, it } from 'vitest';
import type { Profile } from '@shared/contracts/profiles';
import { copyWithKey, NO_CLIPBOARD_MESSAGE } from './copyWithKey';

const profile: Profile = {
  id: 'local',
  name: 'Local Bifrost',
  kind: 'bifrost',
  baseUrl: 'http://localhost:8080',
  endpoint: '/v1/completions',
  headers: {},
  keyEnv: 'BIFROST_API_KEY',
};
const source = {
  method: 'POST',
  url: 'http://localhost:8080/v1/completions',
  headers: { 'content-type': 'application/json', 'x-bf-vk': '<key>' },
  body: '{"model":"openai/x","prompt":"Hi"}',
};
const KEY = 'sk-bf-real-secret-123';

function clipboard() {
  const written: string[] = [];
  return { written, writeText: (text: string) => void written.push(text) };
}

describe('copyWithKey', () => {
  it('writes the export with the real key to the clipboard and returns no key', () => {
    const board = clipboard();
    const result = copyWithKey(profile, KEY, source, 'curl-posix', board);
    expect(result).toEqual({ copied: true, message: 'Copied, with your real API key' });
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(board.written).toHaveLength(1);
    expect(board.written[0]).toContain(`x-bf-vk: ${KEY}`);
    expect(board.written[0]).not.toContain('$BIFROST_API_KEY');
  });

  it('copies nothing without a clipboard (browser mode) or a key, and says why', () => {
    expect(copyWithKey(profile, KEY, source, 'curl-posix', undefined)).toEqual({
      copied: false,
      message: NO_CLIPBOARD_MESSAGE,
    });
    const board = clipboard();
    expect(copyWithKey(profile, undefined, source, 'fetch', board)).toEqual({
      copied: false,
      message: 'Local Bifrost has no key configured.',
    });
    expect(board.written).toEqual([]);
  });

  it('refuses to put the key into a request to another server', () => {
    const board = clipboard();
    for (const url of [
      'https://evil.example/v1/completions',
      'http://localhost:8081/v1/completions',
      'not a url',
    ])
      expect(() => copyWithKey(profile, KEY, { ...source, url }, 'curl-posix', board)).toThrow(
        /does not go to/,
      );
    expect(board.written).toEqual([]);
  });
});
