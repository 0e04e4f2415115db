import { z } from 'zod';
import { downloadIdSchema, downloadProgressSchema, modelLibrarySchema } from './localModels';
import { EXPORT_TARGETS, type ExportTarget } from '../export/exportAs';
import { keyStatusSchema, profileSchema, profileViewSchema } from './profiles';
import { modelListSchema } from './models';
import {
  requestPreviewSchema,
  runAbortedSchema,
  runBatchSchema,
  runCompletedSchema,
  runFailedSchema,
  runIdSchema,
  runRespondedSchema,
  runStartInputSchema,
} from './runs';
import { completionParamsSchema } from './params';
import { priceOverridesSchema } from '../cost/prices';
import {
  HISTORY_IMPORT_MAX_CHARS,
  historyImportOutputSchema,
  historyListInputSchema,
  historyListOutputSchema,
  historyRunSchema,
} from './history';
import {
  PRESETS_IMPORT_MAX_CHARS,
  presetIdSchema,
  presetRenameInputSchema,
  presetSaveInputSchema,
  presetSchema,
  presetsImportOutputSchema,
  presetsListOutputSchema,
} from './presets';

export interface RouteContract<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

const route = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): RouteContract<I, O> => ({
  input,
  output,
});

export const appInfoSchema = z.object({
  mode: z.enum(['electron', 'web']),
  version: z.string(),
  /** Where keys set in the UI are kept, in words the UI can show. */
  keyStorage: z.object({
    persistent: z.boolean(),
    description: z.string(),
  }),
  /** Problems found at start-up (e.g. a damaged profiles file set aside), in words for the user. */
  warnings: z.array(z.string()).default([]),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const exportTargetSchema = z.enum(
  EXPORT_TARGETS.map((entry) => entry.target) as [ExportTarget, ...ExportTarget[]],
);

const settingKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9.-]{0,63}$/, 'Setting names are short lower-case words');

const profileIdInput = z.object({ profileId: z.string().min(1) });

/** Every request/response route. Names are `domain.verb`. */
export const routes = {
  'app.info': route(z.object({}), appInfoSchema),
  'profiles.list': route(z.object({}), z.array(profileViewSchema)),
  'profiles.save': route(profileSchema, profileViewSchema),
  'profiles.delete': route(profileIdInput, z.object({ deleted: z.boolean() })),
  'keys.set': route(
    profileIdInput.extend({ key: z.string().trim().min(1, 'Paste a key').max(4096) }),
    keyStatusSchema,
  ),
  'keys.clear': route(profileIdInput, keyStatusSchema),
  'keys.test': route(profileIdInput, z.object({ ok: z.boolean(), message: z.string() })),
  /**
   * The export of a request with the profile's REAL key, written to the clipboard by main (the key never
   * reaches the renderer), after the user confirmed a warning. Browser mode has no clipboard in the host:
   * it answers `copied: false` with the reason.
   */
  'keys.copy': route(
    profileIdInput.extend({
      confirm: z.literal(true),
      target: exportTargetSchema,
      source: z.object({
        method: z.string().max(16),
        url: z.string().max(4096),
        headers: z.record(z.string(), z.string()),
        body: z.string().max(16 * 1024 * 1024),
        stream: z.boolean().optional(),
      }),
    }),
    z.object({ copied: z.boolean(), message: z.string() }),
  ),
  'models.list': route(profileIdInput, modelListSchema),
  'requests.preview': route(profileIdInput.extend({ params: completionParamsSchema }), requestPreviewSchema),
  'runs.start': route(runStartInputSchema, z.object({ runId: runIdSchema, request: requestPreviewSchema })),
  'runs.stop': route(z.object({ runId: runIdSchema }), z.object({ stopped: z.boolean() })),
  /**
   * Renderer preferences (the form, the chosen profile) kept by main, so they survive restarts in both
   * modes (browser mode's origin changes with its port, so localStorage alone would forget them).
   * Values are opaque JSON text written by the renderer; never keys.
   */
  'settings.get': route(z.object({ key: settingKeySchema }), z.object({ value: z.string().nullable() })),
  'settings.set': route(
    z.object({
      key: settingKeySchema,
      value: z
        .string()
        .max(256 * 1024, 'Setting too large')
        .nullable(),
    }),
    z.object({}),
  ),
  /** The user's own prices (USD per 1M tokens), keyed by model; persisted by main. */
  'prices.get': route(z.object({}), priceOverridesSchema),
  'prices.set': route(
    z.object({
      model: z.string().trim().min(1, 'Name the model').max(200),
      price: z
        .object({
          inputPerMillion: z.number().min(0, 'Must be 0 or more').max(1_000_000),
          outputPerMillion: z.number().min(0, 'Must be 0 or more').max(1_000_000),
        })
        .nullable(),
    }),
    priceOverridesSchema,
  ),
  /** Saved runs (newest first), kept by main under the user-data folder. */
  'history.list': route(historyListInputSchema, historyListOutputSchema),
  'history.get': route(z.object({ id: runIdSchema }), historyRunSchema),
  'history.delete': route(z.object({ id: runIdSchema }), z.object({ deleted: z.boolean() })),
  /** The export file's text (`{ format, version, runs }`); every run when `ids` is absent. */
  'history.export': route(
    z.object({ ids: z.array(runIdSchema).max(100_000).optional() }),
    z.object({ json: z.string() }),
  ),
  'history.import': route(
    z.object({ json: z.string().max(HISTORY_IMPORT_MAX_CHARS, 'The file is too large to import') }),
    historyImportOutputSchema,
  ),
  /** Named parameter presets, kept by main. Export is the list written in presetsExportSchema's envelope. */
  /** The built-in engine's models folder: installed GGUF files and small models offered for download. */
  'engine.models': route(z.object({}), modelLibrarySchema),
  /** Starts a download of a suggested model; progress comes as `engine.progress` events. */
  'engine.download': route(
    z.object({ suggestedId: z.string().max(100) }),
    z.object({ downloadId: downloadIdSchema }),
  ),
  /** The desktop app's file dialog for a GGUF file; `available: false` in browser mode (type the path). */
  'engine.pick': route(z.object({}), z.object({ path: z.string().nullable(), available: z.boolean() })),
  'engine.cancel': route(z.object({ downloadId: downloadIdSchema }), z.object({ cancelled: z.boolean() })),
  /** Deletes an installed model (a file in the models folder only). */
  'engine.remove': route(z.object({ file: z.string().max(255) }), z.object({ removed: z.boolean() })),
  'presets.list': route(z.object({}), presetsListOutputSchema),
  /** Saves under `name`; a preset of that name (case aside) is replaced. */
  'presets.save': route(presetSaveInputSchema, presetSchema),
  'presets.rename': route(presetRenameInputSchema, presetSchema),
  'presets.delete': route(z.object({ id: presetIdSchema }), z.object({ deleted: z.boolean() })),
  'presets.import': route(
    z.object({ json: z.string().max(PRESETS_IMPORT_MAX_CHARS, 'The file is too large to import') }),
    presetsImportOutputSchema,
  ),
} satisfies Record<string, RouteContract>;

/** Every main → renderer event. Names are `domain.name`. */
export const events = {
  'engine.progress': downloadProgressSchema,
  'run.responded': runRespondedSchema,
  'run.batch': runBatchSchema,
  'run.completed': runCompletedSchema,
  'run.failed': runFailedSchema,
  'run.aborted': runAbortedSchema,
  'profiles.changed': z.object({}),
} satisfies Record<string, z.ZodType>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
export type RouteInput<N extends RouteName> = z.input<Routes[N]['input']>;
export type RouteOutput<N extends RouteName> = z.output<Routes[N]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export function isRouteName(name: unknown): name is RouteName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(routes, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

/**
 * What the renderer depends on. Electron's preload and the browser-mode WebSocket client both
 * implement it; everything behind it is the same code.
 */
export interface AppApi {
  invoke<N extends RouteName>(name: N, input: RouteInput<N>): Promise<RouteOutput<N>>;
  /** Subscribe to an event; returns the unsubscribe function. */
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Failure of a route, as both transports report it. */
export const routeErrorSchema = z.object({ message: z.string(), issues: z.array(z.string()).optional() });
export type RouteError = z.infer<typeof routeErrorSchema>;
