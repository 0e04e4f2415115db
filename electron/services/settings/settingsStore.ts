import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/atomicWrite';

export interface SettingsStore {
  get(key: string): Promise<string | null>;
  /** Stores `value` under `key`; null removes it. */
  set(key: string, value: string | null): Promise<void>;
}

/** At most this many keys are kept: the renderer has a handful; anything more is a bug or abuse. */
const MAX_KEYS = 64;

/**
 * Renderer preferences as `{version: 1, values: {key: text}}`, written atomically. A missing or
 * damaged file means no preferences (the form starts from its defaults); it is never fatal.
 */
export function createSettingsStore(file: string): SettingsStore {
  let cached: Promise<Map<string, string>> | undefined;
  let writing: Promise<unknown> = Promise.resolve();

  const load = async (): Promise<Map<string, string>> => {
    try {
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      const values =
        typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'values') : undefined;
      if (typeof values !== 'object' || values === null) return new Map();
      return new Map(
        Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
    } catch {
      return new Map();
    }
  };

  return {
    async get(key) {
      return (await (cached ??= load())).get(key) ?? null;
    },
    async set(key, value) {
      const values = await (cached ??= load());
      if (value === null) values.delete(key);
      else if (values.has(key) || values.size < MAX_KEYS) values.set(key, value);
      else throw new Error(`Too many settings (at most ${MAX_KEYS})`);
      const text = `${JSON.stringify({ version: 1, values: Object.fromEntries(values) })}\n`;
      // Serialised, so an older state never lands after a newer one.
      writing = writing.then(() => writeFileAtomic(file, text));
      await writing;
    },
  };
}
