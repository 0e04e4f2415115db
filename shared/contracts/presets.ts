import { z } from 'zod';
import { completionParamsSchema } from './params';

/** Every request field a preset can set: all of them but the prompt(s) and the suffix; the model is optional. */
export const presetParamsSchema = completionParamsSchema
  .omit({ prompt: true, suffix: true })
  .partial({ model: true });
export type PresetParams = z.infer<typeof presetParamsSchema>;

export const PRESET_NAME_MAX_LENGTH = 80;
export const PRESETS_MAX_COUNT = 500;

export const presetNameSchema = z
  .string()
  .trim()
  .min(1, 'Name the preset')
  .max(PRESET_NAME_MAX_LENGTH, `At most ${PRESET_NAME_MAX_LENGTH} characters`);

export const presetIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Invalid preset id');

/** A named set of parameters. */
export const presetSchema = z.object({
  id: presetIdSchema,
  name: presetNameSchema,
  params: presetParamsSchema,
  /** Epoch ms of the last save or rename. */
  updatedAt: z.number(),
});
export type Preset = z.infer<typeof presetSchema>;

export const PRESETS_EXPORT_FORMAT = 'completions-playground-presets';
export const PRESETS_EXPORT_VERSION = 1;

/** The file written by export (the list, in this envelope) and read by import. */
export const presetsExportSchema = z.object({
  format: z.literal(PRESETS_EXPORT_FORMAT),
  version: z.literal(PRESETS_EXPORT_VERSION),
  presets: z.array(z.unknown()),
});

/** Largest import accepted, in characters of JSON text. */
export const PRESETS_IMPORT_MAX_CHARS = 5 * 1024 * 1024;

export const presetsListOutputSchema = z.object({
  /** Sorted by name. */
  presets: z.array(presetSchema),
  /** The saved presets could not be read (the file was set aside), in words for the user. */
  warning: z.string().optional(),
});

export const presetSaveInputSchema = z.object({
  name: presetNameSchema,
  params: presetParamsSchema,
});

export const presetRenameInputSchema = z.object({ id: presetIdSchema, name: presetNameSchema });

export const presetsImportOutputSchema = z.object({
  imported: z.number().int().min(0),
  /** Presets already there with the same name and parameters. */
  skipped: z.number().int().min(0),
  /** One line per preset that could not be imported (or was renamed), and why. */
  problems: z.array(z.string()),
});
export type PresetsImportResult = z.infer<typeof presetsImportOutputSchema>;
