import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import {
  PRESETS_MAX_COUNT,
  presetParamsSchema,
  type Preset,
  type PresetParams,
  type PresetsImportResult,
} from '@shared/contracts/presets';
import { moveAside } from '../fs/atomicWrite';
import { createSerialWriter, readJsonFile } from '../fs/jsonFile';
import {
  nameKey,
  parsePresetsImport,
  presetsFileSchema,
  PRESETS_FILE_VERSION,
  sortPresets,
} from './presetFile';

export interface PresetStore {
  /** Sorted by name. */
  list(): Promise<Preset[]>;
  /** Saves `params` under `name`; the preset of that name (case aside) is replaced, keeping its id. */
  save(name: string, params: PresetParams): Promise<Preset>;
  rename(id: string, name: string): Promise<Preset>;
  delete(id: string): Promise<boolean>;
  /** Adds the presets of an export file (see parsePresetsImport). */
  importPresets(json: string): Promise<PresetsImportResult>;
  /** Set when the file was damaged and moved aside; words for the user. */
  loadWarning(): Promise<string | undefined>;
}

export interface PresetStoreOptions {
  file: string;
  now?: () => Date;
  newId?: () => string;
}

/**
 * Named parameter presets, persisted as `{ version: 1, presets: [...] }` and written atomically
 * (serialised, so an older state never lands after a newer one). A damaged file (not JSON, wrong
 * shape, other version) is renamed to `<file>.damaged-<timestamp>`, the store starts empty and
 * `loadWarning` says why; nothing is lost.
 */
export function createPresetStore(options: PresetStoreOptions): PresetStore {
  const { file } = options;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  let presets: Preset[] = [];
  let warning: string | undefined;
  const write = createSerialWriter(file);
  const persist = (): Promise<void> =>
    write(`${JSON.stringify({ version: PRESETS_FILE_VERSION, presets }, null, 2)}\n`);

  const load = async (): Promise<void> => {
    const stored = await readJsonFile(file, presetsFileSchema, PRESETS_FILE_VERSION);
    if (stored.type === 'missing') return;
    if (stored.type === 'ok') {
      presets = stored.value.presets;
      return;
    }
    const movedTo = await moveAside(file, now());
    warning = `The saved presets could not be read (${stored.reason}). The file was kept as ${basename(movedTo)}; no presets were loaded.`;
  };

  const loaded = load();
  loaded.catch(() => undefined);

  const find = (id: string): Preset => {
    const found = presets.find((p) => p.id === id);
    if (!found) throw new Error('This preset no longer exists.');
    return found;
  };

  return {
    async list() {
      await loaded;
      return structuredClone(sortPresets(presets));
    },
    async save(name, params) {
      await loaded;
      const checked = presetParamsSchema.parse(params);
      const trimmed = name.trim();
      const same = presets.find((p) => nameKey(p.name) === nameKey(trimmed));
      if (!same && presets.length >= PRESETS_MAX_COUNT) {
        throw new Error(`At most ${PRESETS_MAX_COUNT} presets: delete some first.`);
      }
      const preset: Preset = {
        id: same?.id ?? newId(),
        name: trimmed,
        params: checked,
        updatedAt: now().getTime(),
      };
      presets = same ? presets.map((p) => (p === same ? preset : p)) : [...presets, preset];
      await persist();
      return structuredClone(preset);
    },
    async rename(id, name) {
      await loaded;
      const current = find(id);
      const trimmed = name.trim();
      const clash = presets.find((p) => p.id !== id && nameKey(p.name) === nameKey(trimmed));
      if (clash) throw new Error(`A preset named “${clash.name}” already exists.`);
      const renamed: Preset = { ...current, name: trimmed, updatedAt: now().getTime() };
      presets = presets.map((p) => (p === current ? renamed : p));
      await persist();
      return structuredClone(renamed);
    },
    async delete(id) {
      await loaded;
      if (!presets.some((p) => p.id === id)) return false;
      presets = presets.filter((p) => p.id !== id);
      await persist();
      return true;
    },
    async importPresets(json) {
      await loaded;
      const { added, skipped, problems } = parsePresetsImport(json, presets, newId, now().getTime());
      const room = Math.max(0, PRESETS_MAX_COUNT - presets.length);
      const kept = added.slice(0, room);
      if (kept.length < added.length) {
        problems.push(
          `${added.length - kept.length} presets were not imported: at most ${PRESETS_MAX_COUNT}.`,
        );
      }
      if (kept.length > 0) {
        presets = [...presets, ...kept];
        await persist();
      }
      return { imported: kept.length, skipped, problems };
    },
    async loadWarning() {
      await loaded;
      return warning;
    },
  };
}
