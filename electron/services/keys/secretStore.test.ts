import { describe, expect, it } from 'vitest';
import { createMemorySecretStore } from './secretStore';

describe('createMemorySecretStore', () => {
  it('keeps keys per profile for the session only', async () => {
    const store = createMemorySecretStore('Kept in memory until the app quits');
    expect(store.persistent).toBe(false);
    expect(store.description).toBe('Kept in memory until the app quits');
    expect(await store.has('a')).toBe(false);
    await store.set('a', 'sk-one');
    await store.set('b', 'sk-two');
    expect(await store.get('a')).toBe('sk-one');
    expect(await store.has('b')).toBe(true);
    await store.clear('a');
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('b')).toBe('sk-two');
  });

  it('does not share keys between instances', async () => {
    const one = createMemorySecretStore('x');
    await one.set('a', 'k');
    expect(await createMemorySecretStore('x').has('a')).toBe(false);
  });
});
