import { z } from 'zod';

/** A GGUF model in the app's models folder (under the user-data folder). */
export const installedModelSchema = z.object({
  /** The file name, e.g. `stories260K.gguf`. */
  file: z.string(),
  /** Its full path: what a local profile's `modelPath` takes. */
  path: z.string(),
  sizeBytes: z.number().int().min(0),
});
export type InstalledModel = z.infer<typeof installedModelSchema>;

/** A small model the app offers to download, checked by size and sha256. */
export const suggestedModelSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  url: z.string(),
  file: z.string(),
  sizeBytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type SuggestedModel = z.infer<typeof suggestedModelSchema>;

export const modelLibrarySchema = z.object({
  dir: z.string(),
  installed: z.array(installedModelSchema),
  suggested: z.array(suggestedModelSchema),
});
export type ModelLibrary = z.infer<typeof modelLibrarySchema>;

export const downloadIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** Progress of a model download; exactly one event has `done` or `error`, and it is the last. */
export const downloadProgressSchema = z.object({
  downloadId: downloadIdSchema,
  suggestedId: z.string(),
  receivedBytes: z.number().int().min(0),
  totalBytes: z.number().int().min(0),
  /** Set on success: the installed model. */
  done: installedModelSchema.optional(),
  /** Set on failure or cancel: why, in words. */
  error: z.string().optional(),
});
export type DownloadProgress = z.infer<typeof downloadProgressSchema>;
