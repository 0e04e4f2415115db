import { describe, expect, it } from 'vitest';
import { keyStatusLabel, keyStatusTone } from './keyStatus';
import { resolveSelectedProfile } from './selection';

describe('keyStatusLabel', () => {
  it('names each key source', () => {
    expect(keyStatusLabel({ configured: true, source: 'stored' })).toBe('Stored encrypted');
    expect(keyStatusLabel({ configured: true, source: 'session' })).toBe('Session only');
    expect(keyStatusLabel({ configured: true, source: 'env', envVar: 'BIFROST_API_KEY' })).toBe(
      'From $BIFROST_API_KEY',
    );
    expect(keyStatusLabel({ configured: false, source: 'none', envVar: 'X' })).toBe('No key');
  });
  it('grades how durable the key is', () => {
    expect(keyStatusTone({ configured: true, source: 'stored' })).toBe('ok');
    expect(keyStatusTone({ configured: true, source: 'session' })).toBe('warn');
    expect(keyStatusTone({ configured: false, source: 'none' })).toBe('none');
    expect(keyStatusTone({ configured: false, source: 'stored', problem: 'The OS keyring changed' })).toBe(
      'warn',
    );
  });
});

describe('resolveSelectedProfile', () => {
  const profiles = [{ id: 'a' }, { id: 'b', default: true }, { id: 'c' }];
  it('prefers the chosen profile, then the default, then the first', () => {
    expect(resolveSelectedProfile(profiles, 'c')?.id).toBe('c');
    expect(resolveSelectedProfile(profiles, 'gone')?.id).toBe('b');
    expect(resolveSelectedProfile([{ id: 'x' }, { id: 'y' }], null)?.id).toBe('x');
    expect(resolveSelectedProfile([], 'a')).toBeNull();
    expect(resolveSelectedProfile(undefined, 'a')).toBeNull();
  });
});
