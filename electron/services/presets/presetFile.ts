import { z } from 'zod';
import { describeZodError } from '../fs/jsonFile';
import {
  PRESETS_EXPORT_FORMAT,
  PRESETS_EXPORT_VERSION,
  presetIdSchema,
  presetNameSchema,
  presetParamsSchema,
  presetSchema,
  type Preset,
  type PresetParams,
} from '@shared/contracts/presets';

export const PRESETS_FILE_VERSION = 1;

/** The presets file under the user-data folder. */
export const presetsFileSchema = z.object({
  version: z.literal(PRESETS_FILE_VERSION),
  presets: z.array(presetSchema),
});

/** Names compare without case and surrounding space ("Creative" and " creative" are one name). */
export const nameKey = (name: string): string => name.trim().toLocaleLowerCase();

/** `name`, or `name (2)`, `name (3)`… the first one no preset has yet. */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(nameKey(name))) return name;
  for (let i = 2; i < 10_000; i += 1) {
    const suffix = ` (${i})`;
    const candidate = `${name.slice(0, 80 - suffix.length)}${suffix}`;
    if (!taken.has(nameKey(candidate))) return candidate;
  }
  throw new Error('Too many presets with this name');
}

/** JSON with object keys sorted, so equal parameters give equal text whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sameParams = (a: PresetParams, b: PresetParams): boolean => canonical(a) === canonical(b);

/** Sorted by name for the list (case aside), ties by id so the order is stable. */
export function sortPresets(presets: readonly Preset[]): Preset[] {
  return [...presets].sort(
    (a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1),
  );
}

const importedPresetSchema = z.object({
  id: presetIdSchema.optional(),
  name: presetNameSchema,
  params: presetParamsSchema,
});

export interface ParsedPresetsImport {
  added: Preset[];
  skipped: number;
  problems: string[];
}

const MAX_PROBLEM_LINES = 50;

/**
 * Reads an export file against the presets there are. A file that is not a presets export throws with
 * a message for the user; an invalid preset is listed in `problems` and the others still import. A
 * preset equal to one already there (same name and parameters) is skipped; a different one with a
 * taken name is imported under `name (2)` (and said so); a taken id gets a new one.
 */
export function parsePresetsImport(
  json: string,
  existing: readonly Preset[],
  newId: () => string,
  now: number,
): ParsedPresetsImport {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(
      `This file is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).`,
    );
  }
  const file = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (file.format !== PRESETS_EXPORT_FORMAT) {
    throw new Error('This file is not a Completions Playground presets export.');
  }
  if (file.version !== PRESETS_EXPORT_VERSION) {
    throw new Error(
      `This presets export has format version ${String(file.version)}; this app reads version ${PRESETS_EXPORT_VERSION}.`,
    );
  }
  if (!Array.isArray(file.presets)) throw new Error('This presets export has no list of presets.');

  const all = [...existing];
  const added: Preset[] = [];
  const problems: string[] = [];
  let skipped = 0;
  file.presets.forEach((raw: unknown, i) => {
    const parsed = importedPresetSchema.safeParse(raw);
    if (!parsed.success) {
      if (problems.length < MAX_PROBLEM_LINES) {
        problems.push(`Preset ${i + 1}: ${describeZodError(parsed.error)}`);
      }
      return;
    }
    const { name, params } = parsed.data;
    const sameName = all.filter((p) => nameKey(p.name) === nameKey(name));
    if (sameName.some((p) => sameParams(p.params, params))) {
      skipped += 1;
      return;
    }
    const finalName = uniqueName(name, new Set(all.map((p) => nameKey(p.name))));
    if (finalName !== name)
      problems.push(`“${name}” already exists with other parameters: imported as “${finalName}”.`);
    const id =
      parsed.data.id !== undefined && !all.some((p) => p.id === parsed.data.id) ? parsed.data.id : newId();
    const preset: Preset = { id, name: finalName, params, updatedAt: now };
    all.push(preset);
    added.push(preset);
  });
  return { added, skipped, problems };
}
