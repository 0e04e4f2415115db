import { join } from 'node:path';
import { createEncryptedFileSecretStore } from '../services/keys/encryptedFileSecretStore';
import { createMemorySecretStore, type SecretStore } from '../services/keys/secretStore';
import { chooseKeyStorage, createSafeStorageEncryptor, type SafeStorageLike } from './safeStorageEncryptor';

export const KEYS_FILE_NAME = 'keys.json';

export interface CreateKeyStoreOptions {
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  userDataDir: string;
  log?: (message: string) => void;
}

/**
 * Keys set in the UI: encrypted on disk when the OS keyring is trustworthy (or the user opted in
 * to weak storage), otherwise in memory for this session. Call after `app` is ready.
 */
export async function createKeyStore(options: CreateKeyStoreOptions): Promise<SecretStore> {
  const { safeStorage, platform, env, userDataDir, log = console.error } = options;
  const result = await createSafeStorageEncryptor(safeStorage, platform);
  const choice = chooseKeyStorage(result, env);
  if (choice.kind === 'memory') {
    log(`[main] ${choice.description}`);
    return createMemorySecretStore(choice.description);
  }
  return createEncryptedFileSecretStore({
    file: join(userDataDir, KEYS_FILE_NAME),
    encryptor: result.encryptor,
    description: choice.description,
  });
}
