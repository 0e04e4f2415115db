import { usdForTokens } from '@shared/cost/cost';
import type { Price } from '@shared/cost/prices';

/** What the API uses when max_tokens is not sent. */
export const DEFAULT_MAX_TOKENS = 16;

export interface WorstCaseInput {
  /** Token count of each prompt (one entry per prompt sent). */
  promptTokens: readonly number[];
  maxTokens: number | undefined;
  n: number | undefined;
  bestOf: number | undefined;
}

export interface WorstCase {
  promptTokens: number;
  /** Most completion tokens the request can be billed for. */
  completionTokens: number;
  inputUsd: number;
  outputUsd: number;
  totalUsd: number;
}

/** Completions generated per prompt: best_of are generated (and billed) when it exceeds n. */
export function completionsPerPrompt(n: number | undefined, bestOf: number | undefined): number {
  return Math.max(n ?? 1, bestOf ?? 1, 1);
}

/**
 * The most a request can cost: every prompt's tokens at the input price plus, per prompt,
 * max_tokens (16 when unset) × max(n, best_of) completion tokens at the output price.
 */
export function worstCaseCost(input: WorstCaseInput, price: Price): WorstCase {
  const promptTokens = input.promptTokens.reduce((sum, tokens) => sum + tokens, 0);
  const perPrompt = (input.maxTokens ?? DEFAULT_MAX_TOKENS) * completionsPerPrompt(input.n, input.bestOf);
  const completionTokens = perPrompt * input.promptTokens.length;
  const inputUsd = usdForTokens(promptTokens, price.inputPerMillion);
  const outputUsd = usdForTokens(completionTokens, price.outputPerMillion);
  return {
    promptTokens,
    completionTokens,
    inputUsd,
    outputUsd,
    totalUsd: Math.round((inputUsd + outputUsd) * 1e12) / 1e12,
  };
}
