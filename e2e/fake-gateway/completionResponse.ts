import type { ChoicePlan } from './choices';
import type { TokenDetail } from './textGenerator';
import type { ModelRef } from './types';

/** How logprobs are shaped, chosen by the served model's name. */
export interface ResponseFormat {
  /** `legacy`: tokens/token_logprobs/top_logprobs/text_offset; `content`: content[] like chat. */
  shape: 'legacy' | 'content';
  /** Current Bifrost uses `logprobs` (always present, null when none); older builds `log_probs` (omitted when none). */
  key: 'logprobs' | 'log_probs';
  /**
   * A provider-reported `usage.cost` (model name containing `usage-cost-flat|nested|number`), in one of
   * the three shapes Bifrost has used; absent otherwise, as for most providers.
   */
  cost?: CostShape;
}

export type CostShape = 'flat' | 'nested' | 'number';

/** The fake provider's own rates for a reported cost: $1 and $3 per 1M tokens. */
export const REPORTED_COST_RATES = { input: 1e-6, output: 3e-6 } as const;

export function responseFormatFor(served: ModelRef): ResponseFormat {
  const cost = /usage-cost-(flat|nested|number)/.exec(served.id)?.[1] as CostShape | undefined;
  return {
    shape: served.id.includes('content-logprobs') ? 'content' : 'legacy',
    key: served.id.includes('log-probs-key') ? 'log_probs' : 'logprobs',
    ...(cost ? { cost } : {}),
  };
}

/** What identifies one response and all chunks of one stream. */
export interface ResponseIdentity {
  id: string;
  created: number;
  /** The provider's model name, without the `provider/` prefix. */
  model: string;
  /** '' (what most providers send) unless set. */
  systemFingerprint?: string;
}

function utf8Bytes(token: string): number[] {
  return [...Buffer.from(token, 'utf8')];
}

export function logprobsObject(
  format: ResponseFormat,
  tokens: readonly TokenDetail[],
): Record<string, unknown> {
  if (format.shape === 'content') {
    return {
      content: tokens.map((t) => ({
        token: t.token,
        logprob: t.logprob,
        bytes: utf8Bytes(t.token),
        top_logprobs: (t.top ?? []).map(([token, logprob]) => ({ token, logprob, bytes: utf8Bytes(token) })),
      })),
    };
  }
  return {
    tokens: tokens.map((t) => t.token),
    token_logprobs: tokens.map((t) => t.logprob),
    top_logprobs: tokens.map((t) => (t.top ? Object.fromEntries(t.top) : null)),
    text_offset: tokens.map((t) => t.offset),
  };
}

interface ChoiceFields {
  index: number;
  /** Omitted (not '') on a final stream chunk, as Bifrost omits a nil text. */
  text?: string;
  finishReason: string | null;
  logprobs: Record<string, unknown> | null;
}

/** One `choices[]` entry, keys in Bifrost's order. */
export function choiceObject(format: ResponseFormat, fields: ChoiceFields): Record<string, unknown> {
  const choice: Record<string, unknown> = { index: fields.index, finish_reason: fields.finishReason };
  if (format.key === 'logprobs' || fields.logprobs !== null) choice[format.key] = fields.logprobs;
  if (fields.text !== undefined) choice.text = fields.text;
  return choice;
}

function costObject(shape: CostShape, promptTokens: number, completionTokens: number): unknown {
  const input = promptTokens * REPORTED_COST_RATES.input;
  const output = completionTokens * REPORTED_COST_RATES.output;
  const total = input + output;
  switch (shape) {
    case 'number':
      return total;
    case 'flat':
      return { input_tokens_cost: input, output_tokens_cost: output, request_cost: 0, total_cost: total };
    case 'nested':
      return {
        input_cost: input,
        input_cost_details: { text_cost: input },
        output_cost: output,
        output_cost_details: { text_cost: output },
        total_cost: total,
      };
  }
}

export function usageObject(
  promptTokens: number,
  completionTokens: number,
  cost?: CostShape,
): Record<string, unknown> {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    ...(cost ? { cost: costObject(cost, promptTokens, completionTokens) } : {}),
  };
}

function envelope(identity: ResponseIdentity): Record<string, unknown> {
  return {
    id: identity.id,
    object: 'text_completion',
    created: identity.created,
    model: identity.model,
    system_fingerprint: identity.systemFingerprint ?? '',
  };
}

/** The non-streaming body: every choice whole, usage, extra_fields. */
export function completionBody(
  identity: ResponseIdentity,
  format: ResponseFormat,
  plan: ChoicePlan,
  wantLogprobs: boolean,
  extraFields: Record<string, unknown>,
): Record<string, unknown> {
  return {
    ...envelope(identity),
    choices: plan.choices.map((choice) =>
      choiceObject(format, {
        index: choice.index,
        text: choice.text,
        finishReason: choice.finishReason,
        logprobs: wantLogprobs
          ? logprobsObject(format, [...choice.promptTokens, ...choice.completionTokens])
          : null,
      }),
    ),
    usage: usageObject(plan.promptTokens, plan.completionTokens, format.cost),
    extra_fields: extraFields,
  };
}

/** A content chunk: one choice, a text delta, finish_reason and usage null. */
export function streamChunk(
  identity: ResponseIdentity,
  format: ResponseFormat,
  delta: { index: number; text: string; tokens: readonly TokenDetail[] | null },
  extraFields: Record<string, unknown>,
): Record<string, unknown> {
  return {
    ...envelope(identity),
    choices: [
      choiceObject(format, {
        index: delta.index,
        text: delta.text,
        finishReason: null,
        logprobs: delta.tokens ? logprobsObject(format, delta.tokens) : null,
      }),
    ],
    usage: null,
    extra_fields: extraFields,
  };
}

/**
 * `JSON.stringify(streamChunk(...))` for one stream, faster: the envelope and the fixed extra_fields
 * are serialised once, each chunk only its choice and its chunk_index/latency (same bytes, same key
 * order). At thousands of chunks per second the fake gateway shares the CPU with the app under test.
 */
export function streamChunkSerializer(
  identity: ResponseIdentity,
  format: ResponseFormat,
  extraFields: Record<string, unknown>,
): (
  delta: { index: number; text: string; tokens: readonly TokenDetail[] | null },
  chunkIndex: number,
  latency: number,
) => string {
  const head = `${JSON.stringify(envelope(identity)).slice(0, -1)},"choices":[`;
  const fixedExtra = JSON.stringify(extraFields).slice(0, -1);
  const extraHead = `],"usage":null,"extra_fields":${fixedExtra}${fixedExtra === '{' ? '' : ','}"chunk_index":`;
  return (delta, chunkIndex, latency) => {
    const choice = choiceObject(format, {
      index: delta.index,
      text: delta.text,
      finishReason: null,
      logprobs: delta.tokens ? logprobsObject(format, delta.tokens) : null,
    });
    return `${head}${JSON.stringify(choice)}${extraHead}${chunkIndex},"latency":${latency}}}`;
  };
}

/** Bifrost's synthesized last chunk: no text, a finish_reason for every choice, aggregated usage. */
export function finalChunk(
  identity: ResponseIdentity,
  format: ResponseFormat,
  plan: ChoicePlan,
  extraFields: Record<string, unknown>,
): Record<string, unknown> {
  return {
    ...envelope(identity),
    choices: plan.choices.map((choice) =>
      choiceObject(format, { index: choice.index, finishReason: choice.finishReason, logprobs: null }),
    ),
    usage: usageObject(plan.promptTokens, plan.completionTokens, format.cost),
    extra_fields: extraFields,
  };
}
