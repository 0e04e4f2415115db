import { invalidParamError, type ErrorSpec } from './failures';
import { MAX_TOP_LOGPROBS } from './logprobModel';
import { tokenizePrompt } from './tokenizer';
import type { ModelRef } from './types';

export interface CompletionRequest {
  model: ModelRef;
  prompts: string[];
  stream: boolean;
  maxTokens: number;
  temperature: number | undefined;
  topP: number | undefined;
  frequencyPenalty: number | undefined;
  presencePenalty: number | undefined;
  /** `logprobs: k` as sent (undefined = not asked for); the fake lists at most MAX_TOP_LOGPROBS. */
  logprobs: number | undefined;
  n: number;
  /** `best_of` as sent; undefined = not sent (then it is n: every candidate is returned). */
  bestOf: number | undefined;
  stop: string[];
  echo: boolean;
  seed: number | undefined;
  suffix: string | undefined;
  /** Valid `provider/model` entries only; Bifrost silently drops the others. */
  fallbacks: ModelRef[];
}

export type ParseResult = { ok: true; request: CompletionRequest } | { ok: false; message: string };

export const DEFAULT_MAX_TOKENS = 16;
const MAX_GENERATED_TOKENS = 2_000_000;

type GoType = 'string' | 'bool' | 'int' | 'float64' | '[]string' | 'map[string]float64' | 'object';

/** Bifrost decodes into Go types: a JSON value of the wrong type fails the whole request. */
const FIELD_TYPES: Record<string, GoType> = {
  model: 'string',
  stream: 'bool',
  max_tokens: 'int',
  temperature: 'float64',
  top_p: 'float64',
  frequency_penalty: 'float64',
  presence_penalty: 'float64',
  logprobs: 'int',
  n: 'int',
  best_of: 'int',
  seed: 'int',
  echo: 'bool',
  suffix: 'string',
  user: 'string',
  stop: '[]string',
  fallbacks: '[]string',
  logit_bias: 'map[string]float64',
  stream_options: 'object',
};

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'number';
  return typeof value;
}

function matchesGoType(value: unknown, type: GoType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'bool':
      return typeof value === 'boolean';
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'float64':
      return typeof value === 'number';
    case '[]string':
      return Array.isArray(value) && value.every((item) => typeof item === 'string' || item === null);
    case 'map[string]float64':
      return isPlainObject(value) && Object.values(value).every((v) => typeof v === 'number' || v === null);
    case 'object':
      return isPlainObject(value);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `provider/model` split at the first slash; null when either part is missing. */
export function parseModelRef(value: string): ModelRef | null {
  const slash = value.indexOf('/');
  if (slash <= 0 || slash === value.length - 1) return null;
  return { provider: value.slice(0, slash), model: value.slice(slash + 1), id: value };
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function typeError(field: string, value: unknown, type: GoType): string {
  const shown = typeof value === 'number' ? `number ${value}` : jsonKind(value);
  return `invalid request format: json: cannot unmarshal ${shown} into Go struct field TextRequest.${field} of type ${type}`;
}

/** Transport-level parsing and validation, with Bifrost's messages (all answered with 400). */
export function parseCompletionRequest(body: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return {
      ok: false,
      message: `invalid request format: ${error instanceof Error ? error.message : 'bad JSON'}`,
    };
  }
  if (!isPlainObject(json)) {
    return {
      ok: false,
      message: `invalid request format: json: cannot unmarshal ${jsonKind(json)} into Go value of type handlers.TextRequest`,
    };
  }
  for (const [field, type] of Object.entries(FIELD_TYPES)) {
    const value = json[field];
    if (value !== undefined && value !== null && !matchesGoType(value, type)) {
      return { ok: false, message: typeError(field, value, type) };
    }
  }
  const prompt = json.prompt;
  const validPrompt =
    prompt === undefined ||
    prompt === null ||
    typeof prompt === 'string' ||
    (Array.isArray(prompt) && prompt.every((p) => typeof p === 'string'));
  if (!validPrompt) return { ok: false, message: 'invalid request format: invalid text completion input' };

  const modelText = typeof json.model === 'string' ? json.model : '';
  if (!modelText) return { ok: false, message: 'model is required' };
  const model = parseModelRef(modelText);
  if (!model) return { ok: false, message: 'model should be in provider/model format' };
  const prompts = typeof prompt === 'string' ? [prompt] : Array.isArray(prompt) ? (prompt as string[]) : [];
  if (prompts.length === 0) return { ok: false, message: 'prompt is required for text completion' };

  const n = optionalNumber(json.n) ?? 1;
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  return {
    ok: true,
    request: {
      model,
      prompts,
      stream: json.stream === true,
      maxTokens: optionalNumber(json.max_tokens) ?? DEFAULT_MAX_TOKENS,
      temperature: optionalNumber(json.temperature),
      topP: optionalNumber(json.top_p),
      frequencyPenalty: optionalNumber(json.frequency_penalty),
      presencePenalty: optionalNumber(json.presence_penalty),
      logprobs: optionalNumber(json.logprobs),
      n,
      bestOf: optionalNumber(json.best_of),
      stop: strings(json.stop),
      echo: json.echo === true,
      seed: optionalNumber(json.seed),
      suffix: typeof json.suffix === 'string' ? json.suffix : undefined,
      fallbacks: strings(json.fallbacks)
        .map(parseModelRef)
        .filter((ref): ref is ModelRef => ref !== null),
    },
  };
}

function outside(value: number | undefined, min: number, max: number): boolean {
  return value !== undefined && (value < min || value > max);
}

/** The checks an OpenAI-like provider makes (Bifrost itself checks no ranges): a 400, never retried. */
export function checkProviderParams(request: CompletionRequest, contextLength: number): ErrorSpec | null {
  if (outside(request.temperature, 0, 2))
    return invalidParamError('temperature must be between 0 and 2', 'temperature');
  if (outside(request.topP, 0, 1)) return invalidParamError('top_p must be between 0 and 1', 'top_p');
  if (outside(request.frequencyPenalty, -2, 2)) {
    return invalidParamError('frequency_penalty must be between -2 and 2', 'frequency_penalty');
  }
  if (outside(request.presencePenalty, -2, 2)) {
    return invalidParamError('presence_penalty must be between -2 and 2', 'presence_penalty');
  }
  if (request.maxTokens < 0) return invalidParamError('max_tokens must be 0 or more', 'max_tokens');
  if (request.logprobs !== undefined && request.logprobs < 0) {
    return invalidParamError('logprobs must be 0 or more', 'logprobs');
  }
  if (request.n < 1 || request.n > 128) return invalidParamError('n must be between 1 and 128', 'n');
  const bestOf = request.bestOf ?? request.n;
  if (bestOf < request.n) return invalidParamError('best_of must be greater than or equal to n', 'best_of');
  if (request.bestOf !== undefined && request.bestOf > 20)
    return invalidParamError('best_of must be at most 20', 'best_of');
  if (request.stream && request.bestOf !== undefined && request.bestOf > 1) {
    return invalidParamError('Cannot stream results with best_of greater than 1.', 'best_of');
  }
  for (const prompt of request.prompts) {
    const promptTokens = tokenizePrompt(prompt).length;
    if (promptTokens + request.maxTokens > contextLength) {
      return invalidParamError(
        `This model's maximum context length is ${contextLength} tokens, however you requested ${promptTokens + request.maxTokens} tokens (${promptTokens} in your prompt; ${request.maxTokens} for the completion). Please reduce your prompt; or completion length.`,
        'max_tokens',
        'context_length_exceeded',
      );
    }
  }
  if (request.prompts.length * bestOf * request.maxTokens > MAX_GENERATED_TOKENS) {
    return invalidParamError(
      'This request would generate too many tokens for the fake gateway.',
      'max_tokens',
    );
  }
  return null;
}

/** `logprobs: k` as served: capped at MAX_TOP_LOGPROBS, like OpenAI silently capping at 5. */
export function servedTopLogprobs(request: CompletionRequest): number | undefined {
  return request.logprobs === undefined ? undefined : Math.min(request.logprobs, MAX_TOP_LOGPROBS);
}
