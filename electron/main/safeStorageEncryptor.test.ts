import { describe, expect, it, vi } from 'vitest';
import { chooseKeyStorage, createSafeStorageEncryptor, type SafeStorageLike } from './safeStorageEncryptor';

function fakeSafeStorage(
  options: {
    available?: boolean;
    backend?: ReturnType<SafeStorageLike['getSelectedStorageBackend']>;
    shouldReEncrypt?: boolean;
  } = {},
) {
  return {
    isAsyncEncryptionAvailable: vi.fn(async () => options.available ?? true),
    encryptStringAsync: vi.fn(async (plain: string) => Buffer.from(`enc:${plain}`)),
    decryptStringAsync: vi.fn(async (cipher: Buffer) => ({
      result: cipher.toString().replace(/^enc:/, ''),
      shouldReEncrypt: options.shouldReEncrypt ?? false,
    })),
    getSelectedStorageBackend: vi.fn(() => options.backend ?? 'gnome_libsecret'),
  } satisfies SafeStorageLike;
}

describe('createSafeStorageEncryptor', () => {
  it('round-trips through the async API and passes shouldReEncrypt through', async () => {
    const storage = fakeSafeStorage({ shouldReEncrypt: true });
    const { encryptor, strong } = await createSafeStorageEncryptor(storage, 'linux');
    expect(strong).toBe(true);
    expect(encryptor.backend).toBe('gnome_libsecret');
    const cipher = await encryptor.encrypt('sk-secret');
    expect(cipher).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(cipher).toString()).toBe('enc:sk-secret');
    expect(await encryptor.decrypt(cipher)).toEqual({ value: 'sk-secret', shouldReEncrypt: true });
    expect(storage.decryptStringAsync.mock.calls[0]![0]).toBeInstanceOf(Buffer);
  });

  it('names the backend per platform', async () => {
    expect((await createSafeStorageEncryptor(fakeSafeStorage(), 'darwin')).encryptor.backend).toBe(
      'keychain',
    );
    expect((await createSafeStorageEncryptor(fakeSafeStorage(), 'win32')).encryptor.backend).toBe('dpapi');
    expect((await createSafeStorageEncryptor(fakeSafeStorage({ backend: 'kwallet6' }), 'linux')).strong).toBe(
      true,
    );
  });

  it('calls basic_text and unknown Linux backends weak, and says why', async () => {
    for (const backend of ['basic_text', 'unknown'] as const) {
      const result = await createSafeStorageEncryptor(fakeSafeStorage({ backend }), 'linux');
      expect(result.strong, backend).toBe(false);
      expect(result.reason).toContain(backend);
    }
  });

  it('is weak when encryption is unavailable or the check throws', async () => {
    const unavailable = await createSafeStorageEncryptor(fakeSafeStorage({ available: false }), 'darwin');
    expect(unavailable).toMatchObject({ strong: false, encryptor: { backend: 'unavailable' } });
    const throwing = fakeSafeStorage();
    throwing.isAsyncEncryptionAvailable.mockRejectedValue(new Error('boom'));
    expect((await createSafeStorageEncryptor(throwing, 'win32')).strong).toBe(false);
  });
});

describe('chooseKeyStorage', () => {
  it('stores encrypted keys when the keyring is strong', async () => {
    const choice = chooseKeyStorage(await createSafeStorageEncryptor(fakeSafeStorage(), 'darwin'), {});
    expect(choice).toEqual({ kind: 'encrypted-file', description: expect.stringContaining('keychain') });
  });

  it('keeps keys in memory with a weak backend unless the user opted in', async () => {
    const weak = await createSafeStorageEncryptor(fakeSafeStorage({ backend: 'basic_text' }), 'linux');
    const memory = chooseKeyStorage(weak, {});
    expect(memory.kind).toBe('memory');
    expect(memory.description).toMatch(/basic_text.*PLAYGROUND_ALLOW_WEAK_KEY_STORAGE=1/);
    expect(chooseKeyStorage(weak, { PLAYGROUND_ALLOW_WEAK_KEY_STORAGE: 'yes' }).kind).toBe('memory');
    expect(chooseKeyStorage(weak, { PLAYGROUND_ALLOW_WEAK_KEY_STORAGE: '1' })).toEqual({
      kind: 'encrypted-file',
      description: expect.stringContaining('weak protection'),
    });
  });

  it('never stores keys when there is no encryption at all', async () => {
    const none = await createSafeStorageEncryptor(fakeSafeStorage({ available: false }), 'linux');
    expect(chooseKeyStorage(none, { PLAYGROUND_ALLOW_WEAK_KEY_STORAGE: '1' }).kind).toBe('memory');
  });
});
