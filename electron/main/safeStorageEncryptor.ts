import type { SafeStorage } from 'electron';
import type { Encryptor } from '../services/keys/encryptedFileSecretStore';

export type SafeStorageLike = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

export interface SafeStorageEncryptor {
  encryptor: Encryptor;
  /** True when keys are really protected by the OS (Keychain, DPAPI, a Linux keyring). */
  strong: boolean;
  /** Why not, in words for the user, when `strong` is false. */
  reason?: string;
}

/** Linux backends that are not a keyring: `basic_text` is a fixed, public key; `unknown` is no answer. */
const WEAK_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

function backendName(safeStorage: SafeStorageLike, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'keychain';
  if (platform === 'win32') return 'dpapi';
  if (platform === 'linux') return safeStorage.getSelectedStorageBackend();
  return 'unknown';
}

/**
 * Adapts Electron's asynchronous safeStorage API (Electron ≥ 42; the sync API is deprecated and
 * goes away in 46) to the key store's Encryptor, and says whether it is worth trusting.
 * Call after `app` is ready.
 */
export async function createSafeStorageEncryptor(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
): Promise<SafeStorageEncryptor> {
  let available = false;
  try {
    available = await safeStorage.isAsyncEncryptionAvailable();
  } catch {
    available = false;
  }
  const backend = available ? backendName(safeStorage, platform) : 'unavailable';
  const encryptor: Encryptor = {
    backend,
    async encrypt(plain) {
      return new Uint8Array(await safeStorage.encryptStringAsync(plain));
    },
    async decrypt(cipher) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(cipher));
      return { value: result, shouldReEncrypt };
    },
  };
  if (!available) {
    return { encryptor, strong: false, reason: 'the operating system offers no encryption for this app' };
  }
  if (platform === 'linux' && WEAK_LINUX_BACKENDS.has(backend)) {
    return {
      encryptor,
      strong: false,
      reason:
        backend === 'basic_text'
          ? 'no system keyring was found (safeStorage backend basic_text: keys would only be obfuscated with a fixed, public key)'
          : 'the system keyring could not be identified (safeStorage backend unknown)',
    };
  }
  return { encryptor, strong: true };
}

export type KeyStorageChoice =
  { kind: 'encrypted-file'; description: string } | { kind: 'memory'; description: string };

/** The explicit opt-in to store keys even when the OS only offers weak encryption. */
export const ALLOW_WEAK_KEY_STORAGE_ENV = 'PLAYGROUND_ALLOW_WEAK_KEY_STORAGE';

/**
 * Where keys set in the UI go. Weak OS encryption means session-only keys unless the user opted
 * in with PLAYGROUND_ALLOW_WEAK_KEY_STORAGE=1; no encryption at all always means memory.
 */
export function chooseKeyStorage(result: SafeStorageEncryptor, env: NodeJS.ProcessEnv): KeyStorageChoice {
  const backend = result.encryptor.backend;
  if (result.strong) {
    return {
      kind: 'encrypted-file',
      description: `Keys are encrypted with the system keyring (${backend}) and kept on this computer`,
    };
  }
  const envHint = "set BIFROST_API_KEY / OPENAI_API_KEY or a profile's keyEnv to use environment variables";
  if (backend !== 'unavailable' && env[ALLOW_WEAK_KEY_STORAGE_ENV] === '1') {
    return {
      kind: 'encrypted-file',
      description: `Keys are stored with weak protection because ${ALLOW_WEAK_KEY_STORAGE_ENV}=1: ${result.reason ?? backend}`,
    };
  }
  return {
    kind: 'memory',
    description: `Keys are kept in memory for this session only because ${result.reason ?? 'secure storage is unavailable'}; ${envHint}${
      backend === 'unavailable' ? '' : `, or set ${ALLOW_WEAK_KEY_STORAGE_ENV}=1 to store them anyway`
    }`,
  };
}
