import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { defaultProfiles, profileSchema, type Profile } from '@shared/contracts/profiles';
import { moveAside, writeFileAtomic } from '../fs/atomicWrite';

export const PROFILES_FILE_VERSION = 1;

const profilesFileSchema = z.object({
  version: z.literal(PROFILES_FILE_VERSION),
  profiles: z.array(profileSchema),
});

export interface ProfileStoreOptions {
  /** The JSON file, under the user-data folder. */
  file: string;
  /** Profiles from the `--config` file (already parsed with configFileSchema). */
  presets?: Profile[];
  now?: () => Date;
}

export interface ProfileStore {
  list(): Promise<Profile[]>;
  get(id: string): Promise<Profile | undefined>;
  /** Validates, inserts or replaces by id, persists; returns the stored profile. */
  save(profile: unknown): Promise<Profile>;
  delete(id: string): Promise<boolean>;
  /** Set after loading when the file was damaged and moved aside; words for the user. */
  loadWarning(): Promise<string | undefined>;
}

/**
 * Exactly one default: the first profile flagged `default` keeps the flag (or the first profile
 * when none is flagged); every other profile loses it.
 */
export function withSingleDefault(profiles: Profile[], preferId?: string): Profile[] {
  if (profiles.length === 0) return profiles;
  const chosen =
    (preferId !== undefined && profiles.some((p) => p.id === preferId) ? preferId : undefined) ??
    profiles.find((p) => p.default === true)?.id ??
    profiles[0]?.id;
  return profiles.map((profile) => {
    const { default: _flag, ...rest } = profile;
    return profile.id === chosen ? { ...rest, default: true } : rest;
  });
}

/** zod 4 hides a record key's own message under `issues` ("Invalid key in record"): surface it. */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_key') return issue.issues[0]?.message ?? issue.message;
  return issue.message;
}

function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issueMessage(issue)}` : issueMessage(issue),
    )
    .join('; ');
}

type LoadResult = { profiles: Profile[]; warning?: string; dirty: boolean };

/**
 * Profiles persisted as `{ version: 1, profiles: [...] }`, written atomically.
 * - No file: the built-in defaults are seeded.
 * - Damaged file (not JSON, wrong shape, invalid profile, other version): it is renamed to
 *   `<file>.damaged-<timestamp>` (nothing is lost), the defaults load and `loadWarning` says why.
 * - Presets from the `--config` file are upserted by id at every start: for those ids the config
 *   file wins over edits made in the app (an edit lasts until the next start). A preset flagged
 *   `default` becomes the default.
 */
export function createProfileStore(options: ProfileStoreOptions): ProfileStore {
  const { file } = options;
  const presets = options.presets ?? [];
  const now = options.now ?? (() => new Date());
  let profiles: Profile[] = [];
  let warning: string | undefined;
  // Serialises writes so that the file always ends up as the latest in-memory state.
  let writes: Promise<void> = Promise.resolve();

  const persist = (): Promise<void> => {
    const contents = `${JSON.stringify({ version: PROFILES_FILE_VERSION, profiles }, null, 2)}\n`;
    const next = writes.then(() => writeFileAtomic(file, contents));
    writes = next.catch(() => undefined);
    return next;
  };

  const readStored = async (): Promise<LoadResult> => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return { profiles: structuredClone(defaultProfiles), dirty: true };
      }
      throw error;
    }
    let reason: string;
    try {
      const parsed = profilesFileSchema.safeParse(JSON.parse(text));
      if (parsed.success) return { profiles: parsed.data.profiles, dirty: false };
      reason = describeZodError(parsed.error);
    } catch (error) {
      reason = `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
    }
    const movedTo = await moveAside(file, now());
    return {
      profiles: structuredClone(defaultProfiles),
      dirty: true,
      warning: `The saved profiles could not be read (${reason}). The file was kept as ${basename(movedTo)} and the default profiles were loaded.`,
    };
  };

  const load = async (): Promise<void> => {
    const stored = await readStored();
    warning = stored.warning;
    let merged = stored.profiles;
    for (const preset of presets) {
      const index = merged.findIndex((p) => p.id === preset.id);
      merged = index === -1 ? [...merged, preset] : merged.map((p, i) => (i === index ? preset : p));
    }
    const presetDefault = presets.find((p) => p.default === true)?.id;
    profiles = withSingleDefault(merged, presetDefault);
    if (stored.dirty || presets.length > 0) await persist();
  };

  const loaded = load();
  // Callers see the failure when they await; this only keeps it from being "unhandled" meanwhile.
  loaded.catch(() => undefined);

  return {
    async list() {
      await loaded;
      return profiles.map((p) => structuredClone(p));
    },
    async get(id) {
      await loaded;
      const found = profiles.find((p) => p.id === id);
      return found && structuredClone(found);
    },
    async save(input) {
      await loaded;
      const parsed = profileSchema.safeParse(input);
      if (!parsed.success) throw new Error(`Invalid profile: ${describeZodError(parsed.error)}`);
      const profile = parsed.data;
      const index = profiles.findIndex((p) => p.id === profile.id);
      const next =
        index === -1 ? [...profiles, profile] : profiles.map((p, i) => (i === index ? profile : p));
      profiles = withSingleDefault(next, profile.default === true ? profile.id : undefined);
      await persist();
      return structuredClone(profiles.find((p) => p.id === profile.id) ?? profile);
    },
    async delete(id) {
      await loaded;
      if (!profiles.some((p) => p.id === id)) return false;
      profiles = withSingleDefault(profiles.filter((p) => p.id !== id));
      await persist();
      return true;
    },
    async loadWarning() {
      await loaded;
      return warning;
    },
  };
}
