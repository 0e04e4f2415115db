import { z } from 'zod';
import { providerKindSchema } from './profiles';
import { completionParamsSchema } from './params';
import {
  requestPreviewSchema,
  runErrorSchema,
  runIdSchema,
  runSummarySchema,
  tokenColumnsSchema,
  usageSchema,
} from './runs';

/** How a saved run ended. `interrupted`: stopped by the user (Stop), or the app stopped (crash, window closed) while it ran. */
export const historyStatusSchema = z.enum([
  'completed',
  'failed',
  'aborted',
  'truncated',
  'interrupted',
  'running',
]);
export type HistoryStatus = z.infer<typeof historyStatusSchema>;

/** Characters of the prompt(s) kept in the list row (and searched). */
export const PROMPT_PREVIEW_LENGTH = 200;

/** One row of the history list: small, kept in the index so listing never reads run files. */
export const historyEntrySchema = z.object({
  /** The run id. */
  id: runIdSchema,
  /** Wall-clock start, epoch ms. */
  createdAt: z.number(),
  status: historyStatusSchema,
  profileId: z.string(),
  profileName: z.string(),
  profileKind: providerKindSchema,
  model: z.string(),
  /** The first PROMPT_PREVIEW_LENGTH characters of the prompt (several prompts joined by newlines). */
  promptPreview: z.string(),
  choiceCount: z.number().int().min(0),
  usage: usageSchema.nullable(),
  costUsd: z.number().optional(),
  ttftMs: z.number().optional(),
  totalMs: z.number().optional(),
  errorTitle: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const historyChoiceSchema = z.object({
  index: z.number().int().min(0),
  text: z.string(),
  finishReason: z.string().nullable(),
  /** This choice's tokens with logprobs (every `choice` entry equals `index`), when requested. */
  tokens: tokenColumnsSchema.optional(),
});
export type HistoryChoice = z.infer<typeof historyChoiceSchema>;

/** Everything needed to reopen a run: the form, the request sent (key-free) and what came back. */
export const historyRunSchema = z.object({
  entry: historyEntrySchema,
  params: completionParamsSchema,
  request: requestPreviewSchema,
  /** Sorted by index. */
  choices: z.array(historyChoiceSchema),
  /** Null while running or when the run was interrupted before it ended. */
  summary: runSummarySchema.nullable(),
  error: runErrorSchema.nullable(),
  /** When each response chunk arrived, ms since the request was sent. */
  arrivals: z.array(z.number()),
});
export type HistoryRun = z.infer<typeof historyRunSchema>;

export const HISTORY_EXPORT_FORMAT = 'completions-playground-history';
export const HISTORY_EXPORT_VERSION = 1;

/** The file written by export and read by import. */
export const historyExportSchema = z.object({
  format: z.literal(HISTORY_EXPORT_FORMAT),
  version: z.literal(HISTORY_EXPORT_VERSION),
  runs: z.array(historyRunSchema),
});
export type HistoryExport = z.infer<typeof historyExportSchema>;

export const HISTORY_LIST_DEFAULT_LIMIT = 200;
export const HISTORY_LIST_MAX_LIMIT = 1000;
/** Largest import accepted, in characters of JSON text. */
export const HISTORY_IMPORT_MAX_CHARS = 50 * 1024 * 1024;

export const historyListInputSchema = z.object({
  /** Case-insensitive; matched against the prompt preview, the model and the profile name. */
  query: z.string().max(1000).optional(),
  limit: z.number().int().min(1).max(HISTORY_LIST_MAX_LIMIT).default(HISTORY_LIST_DEFAULT_LIMIT),
  /** Paging cursor: only runs created strictly before this (the last row's createdAt). */
  before: z.number().optional(),
});

export const historyListOutputSchema = z.object({
  /** Newest first. */
  entries: z.array(historyEntrySchema),
  /** How many runs match the query (all pages). */
  total: z.number().int().min(0),
  /** Problems found while loading the history (damaged files set aside), in words for the user. */
  warning: z.string().optional(),
});

export const historyImportOutputSchema = z.object({
  imported: z.number().int().min(0),
  /** Runs whose id is already in the history (or repeated in the file). */
  skipped: z.number().int().min(0),
  /** One line per run that could not be imported, and why. */
  problems: z.array(z.string()),
});
export type HistoryImportResult = z.infer<typeof historyImportOutputSchema>;
