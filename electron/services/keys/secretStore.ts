/** Where API keys live. Keys never leave the main process: only `has`-style facts do. */
export interface SecretStore {
  /** Whether keys survive a restart. */
  persistent: boolean;
  /** Where the keys are kept, in words the UI can show. */
  description: string;
  get(profileId: string): Promise<string | undefined>;
  set(profileId: string, key: string): Promise<void>;
  clear(profileId: string): Promise<void>;
  has(profileId: string): Promise<boolean>;
  /** Why a stored key cannot be used (e.g. it cannot be decrypted any more), when that is the case. */
  problem?(profileId: string): Promise<string | undefined>;
  /** Set when the store's file was damaged and moved aside, in words for the user. */
  loadWarning?(): Promise<string | undefined>;
}

/** Keys kept in memory for this session only (no secure storage available, or browser mode). */
export function createMemorySecretStore(description: string): SecretStore {
  const keys = new Map<string, string>();
  return {
    persistent: false,
    description,
    async get(profileId) {
      return keys.get(profileId);
    },
    async set(profileId, key) {
      keys.set(profileId, key);
    },
    async clear(profileId) {
      keys.delete(profileId);
    },
    async has(profileId) {
      return keys.has(profileId);
    },
  };
}
