import { basename } from 'node:path';
import { z } from 'zod';
import { moveAside } from '../fs/atomicWrite';
import { createSerialWriter, readJsonFile } from '../fs/jsonFile';
import type { SecretStore } from './secretStore';

/** Implemented in Electron by an adapter over `safeStorage`; a fake in tests. */
export interface Encryptor {
  encrypt(plain: string): Promise<Uint8Array>;
  decrypt(cipher: Uint8Array): Promise<{ value: string; shouldReEncrypt: boolean }>;
  /** Name of the backend that encrypts (e.g. `keychain`, `gnome_libsecret`, `dpapi`). */
  backend: string;
}

export interface EncryptedFileSecretStoreOptions {
  file: string;
  encryptor: Encryptor;
  description: string;
  now?: () => Date;
}

export interface EncryptedFileSecretStore extends SecretStore {
  problem(profileId: string): Promise<string | undefined>;
  /** Set when the file was damaged and moved aside; words for the user. */
  loadWarning(): Promise<string | undefined>;
}

const entrySchema = z.object({ cipher: z.string(), backend: z.string(), createdAt: z.string() });
const keysFileSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), entrySchema) });
type Entry = z.infer<typeof entrySchema>;

/**
 * Keys encrypted by `encryptor`, stored as `{version: 1, entries: {[profileId]: {cipher (base64),
 * backend, createdAt}}}` in a 0600 file written atomically. A key that cannot be decrypted (keyring
 * changed or reset) is kept as it is and reported through `problem()`, and counts as not configured
 * until the user enters it again. Decrypted keys are cached in memory.
 */
export function createEncryptedFileSecretStore(
  options: EncryptedFileSecretStoreOptions,
): EncryptedFileSecretStore {
  const { file, encryptor, description } = options;
  const now = options.now ?? (() => new Date());
  const entries = new Map<string, Entry>();
  let warning: string | undefined;
  const plain = new Map<string, string>();
  const problems = new Map<string, string>();
  const write = createSerialWriter(file, { mode: 0o600 });
  const persist = (): Promise<void> =>
    write(`${JSON.stringify({ version: 1, entries: Object.fromEntries(entries) }, null, 2)}\n`);

  const load = async (): Promise<void> => {
    const stored = await readJsonFile(file, keysFileSchema, 1);
    if (stored.type === 'missing') return;
    if (stored.type === 'ok') {
      for (const [id, entry] of Object.entries(stored.value.entries)) entries.set(id, entry);
      return;
    }
    const movedTo = await moveAside(file, now());
    warning = `The stored keys could not be read (${stored.reason}). The file was kept as ${basename(movedTo)}; enter the keys again.`;
  };
  const loaded = load();
  loaded.catch(() => undefined);

  const encryptEntry = async (key: string): Promise<Entry> => ({
    cipher: Buffer.from(await encryptor.encrypt(key)).toString('base64'),
    backend: encryptor.backend,
    createdAt: now().toISOString(),
  });

  const decryptEntry = async (profileId: string, entry: Entry): Promise<string | undefined> => {
    try {
      const { value, shouldReEncrypt } = await encryptor.decrypt(Buffer.from(entry.cipher, 'base64'));
      // The key may have been replaced or cleared while decrypting: then this value is stale.
      if (entries.get(profileId) !== entry) return entries.has(profileId) ? get(profileId) : undefined;
      plain.set(profileId, value);
      problems.delete(profileId);
      if (shouldReEncrypt) {
        try {
          const fresh = await encryptEntry(value);
          if (entries.get(profileId) === entry) {
            entries.set(profileId, fresh);
            await persist();
          }
        } catch {
          // The key still works; re-encryption is retried next time it is read from disk.
        }
      }
      return value;
    } catch (error) {
      const changed = entry.backend !== encryptor.backend;
      problems.set(
        profileId,
        changed
          ? `The key was stored with the ${entry.backend} keyring, but this system now uses ${encryptor.backend}, so it cannot be decrypted. Enter the key again.`
          : `The stored key cannot be decrypted (${error instanceof Error ? error.message : 'unknown error'}). Enter the key again.`,
      );
      return undefined;
    }
  };

  const get = async (profileId: string): Promise<string | undefined> => {
    await loaded;
    const cached = plain.get(profileId);
    if (cached !== undefined) return cached;
    const entry = entries.get(profileId);
    return entry ? decryptEntry(profileId, entry) : undefined;
  };

  return {
    persistent: true,
    description,
    get,
    async has(profileId) {
      return (await get(profileId)) !== undefined;
    },
    async set(profileId, key) {
      await loaded;
      const entry = await encryptEntry(key);
      entries.set(profileId, entry);
      plain.set(profileId, key);
      problems.delete(profileId);
      await persist();
    },
    async clear(profileId) {
      await loaded;
      plain.delete(profileId);
      problems.delete(profileId);
      if (entries.delete(profileId)) await persist();
    },
    async problem(profileId) {
      await get(profileId);
      return problems.get(profileId);
    },
    async loadWarning() {
      await loaded;
      return warning;
    },
  };
}
