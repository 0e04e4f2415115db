import { z } from 'zod';
import { completionParamsSchema } from './params';
import {
  packedTokensProblem,
  type ChoiceIds,
  type PackedTokens,
  type StringIds,
} from '../logprobs/packedTokens';

export const runIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Run ids are 1-64 letters, digits, - or _');

/** The exact HTTP request a run sends; credential headers are replaced by a placeholder. */
export const requestPreviewSchema = z.object({
  method: z.literal('POST'),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  /** The body, byte for byte as sent. */
  body: z.string(),
  /** Set when the request differs from the form, e.g. streaming turned off because best_of > 1. */
  notes: z.array(z.string()),
});
export type RequestPreview = z.infer<typeof requestPreviewSchema>;

export const runStartInputSchema = z.object({
  runId: runIdSchema,
  profileId: z.string().min(1),
  params: completionParamsSchema,
});
export type RunStartInput = z.infer<typeof runStartInputSchema>;

/** Which provider and model really answered (Bifrost headers and `extra_fields`). */
export const routingInfoSchema = z.object({
  provider: z.string().optional(),
  model: z.string().optional(),
  requestedProvider: z.string().optional(),
  requestedModel: z.string().optional(),
  /** 1-based index into `fallbacks` when a fallback served; absent when the primary did. */
  fallbackIndex: z.number().int().optional(),
  isFallback: z.boolean().optional(),
  requestId: z.string().optional(),
  upstreamLatencyMs: z.number().optional(),
  /** Every `x-bifrost-*` response header, verbatim. */
  headers: z.record(z.string(), z.string()),
  /** `extra_fields` of the response (the final chunk's when streaming), as received. */
  extraFields: z.record(z.string(), z.unknown()).optional(),
});
export type RoutingInfo = z.infer<typeof routingInfoSchema>;

export const usageSchema = z.object({
  promptTokens: z.number().optional(),
  completionTokens: z.number().optional(),
  totalTokens: z.number().optional(),
  /** Provider-reported cost in USD, when the provider reports one. */
  costUsd: z.number().optional(),
});
export type Usage = z.infer<typeof usageSchema>;

/**
 * Tokens with logprobs, column-wise: entry k of every array describes the same token.
 * `top[k]` is the list of [token, logprob] alternatives, null when none were returned.
 */
export const tokenColumnsSchema = z.object({
  choice: z.array(z.number().int().min(0)),
  token: z.array(z.string()),
  logprob: z.array(z.number().nullable()),
  top: z.array(z.array(z.tuple([z.string(), z.number()])).nullable()),
  /** UTF-8 bytes of the token when the provider sent them (`content[].bytes`). */
  bytes: z.array(z.array(z.number().int()).nullable()).optional(),
  /** Character offset of the token in the choice's text (`text_offset`), when sent. */
  offset: z.array(z.number().int().nullable()).optional(),
});
export type TokenColumns = z.infer<typeof tokenColumnsSchema>;

/** A typed array of one of the named kinds; checked by its tag, so arrays from another realm (contextBridge) pass. */
const typedArray = <T>(...kinds: string[]) =>
  z.custom<T>(
    (value) => kinds.some((kind) => Object.prototype.toString.call(value) === `[object ${kind}]`),
    `${kinds.join(' or ')} expected`,
  );

/** Tokens with logprobs as typed-array columns and a string table (see shared/logprobs/packedTokens.ts). */
export const packedTokensSchema = z
  .object({
    strings: z.array(z.string()),
    choice: typedArray<ChoiceIds>('Uint8Array', 'Int32Array'),
    text: typedArray<StringIds>('Uint16Array', 'Int32Array'),
    logprob: typedArray<Float64Array>('Float64Array'),
    offset: typedArray<Int32Array>('Int32Array'),
    flags: typedArray<Uint8Array>('Uint8Array'),
    topStart: typedArray<Int32Array>('Int32Array'),
    topText: typedArray<StringIds>('Uint16Array', 'Int32Array'),
    topLogprob: typedArray<Float32Array>('Float32Array'),
    bytesStart: typedArray<Int32Array>('Int32Array'),
    bytes: typedArray<Uint8Array>('Uint8Array'),
  })
  .superRefine((packed: PackedTokens, ctx) => {
    const problem = packedTokensProblem(packed);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const errorKindSchema = z.enum([
  'validation',
  'connection_refused',
  'dns',
  'tls',
  'network',
  'auth',
  'forbidden',
  'not_found',
  'bad_request',
  'payment_required',
  'rate_limited',
  'server_error',
  'invalid_response',
  'stream_error',
  'truncated',
  'first_byte_timeout',
  'stall_timeout',
  'unknown',
]);
export type ErrorKind = z.infer<typeof errorKindSchema>;

export const runErrorSchema = z.object({
  kind: errorKindSchema,
  /** One short line, e.g. "No gateway at http://localhost:8080". */
  title: z.string(),
  /** What happened and what to do, in a sentence or two. */
  message: z.string(),
  status: z.number().int().optional(),
  /** The request field the provider blamed (400s). */
  param: z.string().optional(),
  code: z.string().optional(),
  type: z.string().optional(),
  retryAfterSeconds: z.number().optional(),
  url: z.string().optional(),
  /** The raw response (body, or the offending SSE frame), truncated, keys redacted. */
  raw: z.string().optional(),
});
export type RunError = z.infer<typeof runErrorSchema>;

export const choiceSummarySchema = z.object({
  index: z.number().int(),
  finishReason: z.string().nullable(),
});

export const timingSchema = z.object({
  /** Request sent → response headers. */
  ttfbMs: z.number().nullable(),
  /** Request sent → first text. */
  ttftMs: z.number().nullable(),
  totalMs: z.number(),
  /** Completion tokens / (total − ttft); null when it cannot be known. */
  tokensPerSecond: z.number().nullable(),
});
export type Timing = z.infer<typeof timingSchema>;

export const runSummarySchema = z.object({
  choices: z.array(choiceSummarySchema),
  usage: usageSchema.nullable(),
  timing: timingSchema,
  routing: routingInfoSchema,
  responseId: z.string().optional(),
  responseModel: z.string().optional(),
  systemFingerprint: z.string().optional(),
  /** Whether the response was streamed (best_of > 1 turns streaming off). */
  streamed: z.boolean(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

// ---- events, in the order a run emits them ----

/** Response headers arrived. */
export const runRespondedSchema = z.object({
  runId: runIdSchema,
  seq: z.number().int().min(0),
  status: z.number().int(),
  routing: routingInfoSchema,
  ttfbMs: z.number(),
});

/** Everything that arrived since the previous batch (at most one batch per frame per run). */
export const runBatchSchema = z.object({
  runId: runIdSchema,
  seq: z.number().int().min(0),
  /** Text deltas, one entry per choice that received text in this batch. */
  text: z.object({ choice: z.array(z.number().int().min(0)), delta: z.array(z.string()) }),
  tokens: packedTokensSchema.optional(),
  /** Choices that finished in this batch. */
  finished: z.array(choiceSummarySchema).optional(),
  /**
   * When each response chunk of this batch arrived, in ms since the request was sent (one entry per
   * SSE data event, or one for a whole JSON body): the stream's timing, for the chunk-gap chart.
   */
  arrivals: z.array(z.number()).optional(),
});
export type RunBatch = z.infer<typeof runBatchSchema>;

export const runCompletedSchema = z.object({
  runId: runIdSchema,
  seq: z.number().int(),
  summary: runSummarySchema,
});
export const runFailedSchema = z.object({
  runId: runIdSchema,
  seq: z.number().int(),
  error: runErrorSchema,
  summary: runSummarySchema,
});
export const runAbortedSchema = z.object({
  runId: runIdSchema,
  seq: z.number().int(),
  summary: runSummarySchema,
});

export type RunResponded = z.infer<typeof runRespondedSchema>;
export type RunCompleted = z.infer<typeof runCompletedSchema>;
export type RunFailed = z.infer<typeof runFailedSchema>;
export type RunAborted = z.infer<typeof runAbortedSchema>;
