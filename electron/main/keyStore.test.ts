import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyStore, KEYS_FILE_NAME } from './keyStore';
import type { SafeStorageLike } from './safeStorageEncryptor';

const safeStorage = (backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']>): SafeStorageLike => ({
  isAsyncEncryptionAvailable: async () => true,
  encryptStringAsync: async (plain) => Buffer.from([...Buffer.from(plain)].reverse()),
  decryptStringAsync: async (cipher) => ({
    result: Buffer.from([...cipher].reverse()).toString(),
    shouldReEncrypt: false,
  }),
  getSelectedStorageBackend: () => backend,
});

describe('createKeyStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'keystore-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('persists encrypted keys with a real keyring, never in clear text', async () => {
    const store = await createKeyStore({
      safeStorage: safeStorage('kwallet6'),
      platform: 'linux',
      env: {},
      userDataDir: dir,
      log: () => {},
    });
    expect(store.persistent).toBe(true);
    await store.set('p', 'sk-very-secret');
    const onDisk = await readFile(join(dir, KEYS_FILE_NAME), 'utf8');
    expect(onDisk).not.toContain('sk-very-secret');
    expect(onDisk).toContain('kwallet6');
    expect(await store.get('p')).toBe('sk-very-secret');
  });

  it('keeps keys in memory with basic_text, and explains why', async () => {
    const logged: string[] = [];
    const store = await createKeyStore({
      safeStorage: safeStorage('basic_text'),
      platform: 'linux',
      env: {},
      userDataDir: dir,
      log: (message) => logged.push(message),
    });
    expect(store.persistent).toBe(false);
    expect(store.description).toContain('basic_text');
    expect(logged.join('\n')).toContain('memory');
    await store.set('p', 'sk-very-secret');
    await expect(readFile(join(dir, KEYS_FILE_NAME), 'utf8')).rejects.toThrow();
  });
});
