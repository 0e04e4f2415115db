import { describe, expect, it } from 'vitest';
import { detectShell, tokenizeShell } from './tokenizeShell';

describe('detectShell', () => {
  it.each([
    ['curl x \\\n -s', 'posix'],
    ["curl -d '%PATH% ^\"' x", 'posix'],
    ['curl x ^\n -s', 'cmd'],
    ['curl -H "a: %KEY%" x', 'cmd'],
    ['curl.exe x `\n -s', 'powershell'],
    ['curl.exe -H "a: $env:KEY" x', 'powershell'],
    ["$body = '{}'\ncurl.exe x", 'powershell'],
    ['curl.exe x', 'powershell'],
    ['curl http://x -d "{}"', 'posix'],
  ] as const)('%j → %s', (text, shell) => {
    expect(detectShell(text)).toBe(shell);
  });
});

describe('tokenizeShell', () => {
  it('takes the curl command, normalizes CRLF and strips a $ prompt', () => {
    const result = tokenizeShell('export OPENAI_API_KEY=x\r\n$ curl -s \\\r\n  http://h/v1/completions\r\n');
    expect(result.shell).toBe('posix');
    expect(result.argv).toEqual(['curl', '-s', 'http://h/v1/completions']);
    expect(result.problems).toEqual([]);
  });

  it('reports text with no curl command, and other commands it ignored', () => {
    expect(tokenizeShell('wget http://x').problems).toContain('No curl command was found.');
    expect(tokenizeShell('rm -rf x; curl http://x').problems).toEqual(['Other commands were ignored: rm.']);
  });

  it('skips variables set for the command only', () => {
    expect(tokenizeShell('OPENAI_API_KEY=x A=b curl http://h').argv).toEqual(['curl', 'http://h']);
    expect(tokenizeShell('A=b').argv).toEqual([]);
  });

  it('honours an explicit shell', () => {
    expect(tokenizeShell('curl a^b', 'posix').argv).toEqual(['curl', 'a^b']);
    expect(tokenizeShell('curl a^b', 'cmd').argv).toEqual(['curl', 'ab']);
  });
});
