import type { Usage } from '../contracts/runs';
import {
  arrayOf,
  describeJsonType,
  finiteNumberOf,
  integerOf,
  isRecord,
  limitDepth,
  nonEmptyStringOf,
  stringOf,
  withoutUndefined,
  type JsonRecord,
} from './jsonShape';
import { detectErrorPayload } from './errorPayload';
import { normalizeLogprobs } from './logprobs';

export { detectErrorPayload };

/** Levels of nesting kept in `extra_fields` (Bifrost's are a few deep); deeper values become a note. */
export const MAX_EXTRA_FIELDS_DEPTH = 32;

/** One token with its logprob and alternatives, whatever shape the provider used. */
export interface NormalizedToken {
  token: string;
  /** null for the first echoed prompt token (and any token the provider sent null for). */
  logprob: number | null;
  /** [token, logprob] alternatives, most likely first; null when none were returned. */
  top: Array<[string, number]> | null;
  bytes: number[] | null;
  offset: number | null;
}

export interface NormalizedChoice {
  index: number;
  /** The choice's text (a delta when the source is a stream chunk). Missing text becomes ''. */
  text: string;
  /** null while not finished; '' (TGI) is normalised to null. */
  finishReason: string | null;
  /** null when the choice carried no logprobs. */
  tokens: NormalizedToken[] | null;
}

export interface NormalizedCompletion {
  id?: string;
  model?: string;
  created?: number;
  systemFingerprint?: string;
  /** Sorted by index. */
  choices: NormalizedChoice[];
  usage: Usage | null;
  extraFields?: Record<string, unknown>;
}

/** An error object found in a body or an SSE frame (OpenAI, Azure, Bifrost `BifrostError`, `{error: "msg"}`). */
export interface ErrorPayload {
  message: string;
  type?: string;
  code?: string;
  param?: string;
  status?: number;
}

/**
 * Normalises a completion response or stream chunk from any OpenAI-compatible server (OpenAI, Azure,
 * Bifrost, vLLM, TGI, Together, llama.cpp, ...). Accepts logprobs under `logprobs` or `log_probs`, in
 * the legacy shape (`tokens`/`token_logprobs`/`top_logprobs`/`text_offset`) or the `content[]` shape.
 * Throws an Error whose message says what is wrong when `json` is not a completion at all.
 *
 * Tolerant by design: a field of the wrong JSON type is ignored, never fatal. A body that carries an
 * error (see detectErrorPayload) and no `choices` normalises to zero choices instead of throwing, so
 * callers check detectErrorPayload first. A chunk with `choices: []` and `usage` (OpenAI's
 * `include_usage` final chunk) is a valid completion.
 */
export function normalizeCompletion(json: unknown): NormalizedCompletion {
  if (!isRecord(json)) {
    throw new Error(`not a completion response: expected a JSON object, got ${describeJsonType(json)}`);
  }
  const rawChoices = arrayOf(json.choices);
  if (!rawChoices && !detectErrorPayload(json)) {
    const why =
      json.choices === undefined
        ? 'it has no "choices" field'
        : `"choices" is ${describeJsonType(json.choices)}, not an array`;
    const keys = Object.keys(json).slice(0, 8).join(', ');
    throw new Error(`not a completion response: ${why} (fields: ${keys || 'none'})`);
  }
  const choices = normalizeChoices(rawChoices ?? []);
  // Passed on as received, but never nested deeper than the run events can carry.
  const extraFields = isRecord(json.extra_fields)
    ? limitDepth(json.extra_fields, MAX_EXTRA_FIELDS_DEPTH)
    : undefined;
  // Built field by field (not withoutUndefined): this runs once per stream event.
  const completion: NormalizedCompletion = { choices, usage: normalizeUsage(json.usage) };
  const id = nonEmptyStringOf(json.id);
  const model = nonEmptyStringOf(json.model);
  const created = finiteNumberOf(json.created);
  const systemFingerprint = nonEmptyStringOf(json.system_fingerprint);
  if (id !== undefined) completion.id = id;
  if (model !== undefined) completion.model = model;
  if (created !== undefined) completion.created = created;
  if (systemFingerprint !== undefined) completion.systemFingerprint = systemFingerprint;
  if (extraFields !== undefined) completion.extraFields = extraFields;
  return completion;
}

/** The record choices, sorted by index (stable; a stream chunk usually has one, already in order). */
function normalizeChoices(rawChoices: unknown[]): NormalizedChoice[] {
  const choices: NormalizedChoice[] = [];
  let sorted = true;
  for (let position = 0; position < rawChoices.length; position++) {
    const choice = rawChoices[position];
    if (!isRecord(choice)) continue;
    const normalized = normalizeChoice(choice, position);
    const previous = choices[choices.length - 1];
    if (previous !== undefined && previous.index > normalized.index) sorted = false;
    choices.push(normalized);
  }
  return sorted ? choices : choices.sort((a, b) => a.index - b.index);
}

function normalizeChoice(choice: JsonRecord, position: number): NormalizedChoice {
  const index = integerOf(choice.index);
  return {
    // A choice without a usable index takes its position in the array.
    index: index !== undefined && index >= 0 ? index : position,
    text: stringOf(choice.text) ?? '',
    // TGI sends '' while a choice is unfinished.
    finishReason: nonEmptyStringOf(choice.finish_reason) ?? null,
    tokens: normalizeLogprobs(choice.logprobs ?? choice.log_probs),
  };
}

function normalizeUsage(value: unknown): Usage | null {
  if (!isRecord(value)) return null;
  return withoutUndefined<Usage>({
    promptTokens: finiteNumberOf(value.prompt_tokens),
    completionTokens: finiteNumberOf(value.completion_tokens),
    totalTokens: finiteNumberOf(value.total_tokens),
    costUsd: costOf(value.cost),
  });
}

/** Parts of a cost object that add up to its total, in the flat (older) and nested (newer) Bifrost shapes. */
const FLAT_COST_PARTS = [
  'input_tokens_cost',
  'output_tokens_cost',
  'reasoning_tokens_cost',
  'citation_tokens_cost',
  'search_queries_cost',
  'request_cost',
] as const;
const NESTED_COST_PARTS = ['input_cost', 'output_cost', 'additional_cost'] as const;

/**
 * `usage.cost` in USD, in any of the shapes Bifrost has used: a bare number; nested
 * `{input_cost, output_cost, additional_cost?, *_details, total_cost}`; flat
 * `{input_tokens_cost, output_tokens_cost, …, request_cost, total_cost}` (OpenRouter's bare number
 * too). `total_cost` wins; without it the parts of one shape are summed (flat parts take precedence,
 * the two shapes are never mixed).
 */
function costOf(value: unknown): number | undefined {
  if (!isRecord(value)) return finiteNumberOf(value);
  const total = finiteNumberOf(value.total_cost);
  if (total !== undefined) return total;
  for (const keys of [FLAT_COST_PARTS, NESTED_COST_PARTS]) {
    const parts = keys.flatMap((key) => {
      const part = finiteNumberOf(value[key]);
      return part === undefined ? [] : [part];
    });
    if (parts.length > 0) return parts.reduce((sum, part) => sum + part, 0);
  }
  return undefined;
}
