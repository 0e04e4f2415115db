import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEncryptedFileSecretStore, type Encryptor } from './encryptedFileSecretStore';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keys-'));
  file = join(dir, 'keys.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Reversible fake: XOR with a byte and a backend-specific prefix so a "changed keyring" fails. */
function fakeEncryptor(
  backend = 'test_backend',
  options: { reEncrypt?: boolean } = {},
): Encryptor & { calls: string[] } {
  const calls: string[] = [];
  const prefix = `${backend}:`;
  return {
    backend,
    calls,
    async encrypt(plain) {
      calls.push('encrypt');
      return Uint8Array.from(Buffer.from(prefix + plain, 'utf8').map((b) => b ^ 0x5a));
    },
    async decrypt(cipher) {
      calls.push('decrypt');
      const text = Buffer.from(cipher.map((b) => b ^ 0x5a)).toString('utf8');
      if (!text.startsWith(prefix)) throw new Error('Error while decrypting the ciphertext provided');
      return { value: text.slice(prefix.length), shouldReEncrypt: options.reEncrypt ?? false };
    },
  };
}

type KeysFile = {
  version: number;
  entries: Record<string, { cipher: string; backend: string; createdAt: string }>;
};
const readKeysFile = async () => JSON.parse(await readFile(file, 'utf8')) as KeysFile;

describe('createEncryptedFileSecretStore', () => {
  it('stores ciphertext only, in a 0600 file, and reads it back after a restart', async () => {
    const store = createEncryptedFileSecretStore({
      file,
      encryptor: fakeEncryptor(),
      description: 'Keychain',
    });
    expect(store.persistent).toBe(true);
    expect(store.description).toBe('Keychain');
    await store.set('p1', 'sk-secret-value');
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('sk-secret-value');
    const stored = await readKeysFile();
    expect(stored.version).toBe(1);
    expect(stored.entries.p1).toMatchObject({ backend: 'test_backend' });
    expect(Date.parse(stored.entries.p1?.createdAt ?? '')).not.toBeNaN();
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);

    const restarted = createEncryptedFileSecretStore({
      file,
      encryptor: fakeEncryptor(),
      description: 'Keychain',
    });
    expect(await restarted.get('p1')).toBe('sk-secret-value');
    expect(await restarted.has('p1')).toBe(true);
    expect(await restarted.has('p2')).toBe(false);
  });

  it('clear removes the entry from the file', async () => {
    const store = createEncryptedFileSecretStore({ file, encryptor: fakeEncryptor(), description: 'x' });
    await store.set('a', 'key-a');
    await store.set('b', 'key-b');
    await store.clear('a');
    expect(Object.keys((await readKeysFile()).entries)).toEqual(['b']);
    expect(await store.get('a')).toBeUndefined();
    await store.clear('missing');
  });

  it('re-encrypts when the backend asks for it', async () => {
    await createEncryptedFileSecretStore({ file, encryptor: fakeEncryptor(), description: 'x' }).set(
      'a',
      'key-a',
    );
    const before = await readKeysFile();
    const encryptor = fakeEncryptor('test_backend', { reEncrypt: true });
    const store = createEncryptedFileSecretStore({
      file,
      encryptor,
      description: 'x',
      now: () => new Date(0),
    });
    expect(await store.get('a')).toBe('key-a');
    expect(encryptor.calls).toEqual(['decrypt', 'encrypt']);
    const after = await readKeysFile();
    expect(after.entries.a?.createdAt).toBe(new Date(0).toISOString());
    expect(after.entries.a?.createdAt).not.toBe(before.entries.a?.createdAt);
    // Cached afterwards: no second decryption.
    expect(await store.has('a')).toBe(true);
    expect(encryptor.calls).toEqual(['decrypt', 'encrypt']);
  });

  it('keeps an undecryptable key, treats it as not configured and says why', async () => {
    await createEncryptedFileSecretStore({
      file,
      encryptor: fakeEncryptor('kwallet5'),
      description: 'x',
    }).set('a', 'key-a');
    const store = createEncryptedFileSecretStore({
      file,
      encryptor: fakeEncryptor('gnome_libsecret'),
      description: 'x',
    });
    expect(await store.get('a')).toBeUndefined();
    expect(await store.has('a')).toBe(false);
    expect(await store.problem('a')).toMatch(/kwallet5 keyring.*gnome_libsecret.*Enter the key again/);
    expect((await readKeysFile()).entries.a?.backend).toBe('kwallet5');
    // Entering the key again fixes it.
    await store.set('a', 'key-a2');
    expect(await store.problem('a')).toBeUndefined();
    expect(await store.get('a')).toBe('key-a2');
  });

  it('reports a decryption failure with the same backend too', async () => {
    await writeFile(
      file,
      JSON.stringify({
        version: 1,
        entries: { a: { cipher: 'AAAA', backend: 'test_backend', createdAt: 'x' } },
      }),
    );
    const store = createEncryptedFileSecretStore({ file, encryptor: fakeEncryptor(), description: 'x' });
    expect(await store.has('a')).toBe(false);
    expect(await store.problem('a')).toMatch(/cannot be decrypted \(Error while decrypting/);
  });

  it('moves a damaged file aside and starts empty', async () => {
    await writeFile(file, 'not json');
    const store = createEncryptedFileSecretStore({ file, encryptor: fakeEncryptor(), description: 'x' });
    expect(await store.has('a')).toBe(false);
    expect(await store.loadWarning()).toMatch(/not valid JSON.*keys\.json\.damaged-/);
    expect((await readdir(dir)).some((n) => n.startsWith('keys.json.damaged-'))).toBe(true);
    await store.set('a', 'k');
    expect(Object.keys((await readKeysFile()).entries)).toEqual(['a']);
  });

  it('a clear during a slow decryption wins', async () => {
    await createEncryptedFileSecretStore({ file, encryptor: fakeEncryptor(), description: 'x' }).set(
      'a',
      'key-a',
    );
    const slow = fakeEncryptor();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const decrypt = slow.decrypt.bind(slow);
    slow.decrypt = async (cipher) => {
      await gate;
      return decrypt(cipher);
    };
    const store = createEncryptedFileSecretStore({ file, encryptor: slow, description: 'x' });
    const pending = store.get('a');
    await store.clear('a');
    release();
    expect(await pending).toBeUndefined();
    expect(await store.has('a')).toBe(false);
  });
});
