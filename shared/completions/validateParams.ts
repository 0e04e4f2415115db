import type { CompletionParams } from '../contracts/params';

export interface FieldIssue {
  /** API field name, e.g. `temperature`, or `stop.2`. */
  field: string;
  message: string;
}

export type ParamsValidation =
  | { ok: true; params: CompletionParams; warnings: FieldIssue[] }
  | { ok: false; issues: FieldIssue[]; warnings: FieldIssue[] };

/**
 * Validates params with the shared schema plus cross-field rules (best_of >= n, stream_options only
 * with stream). Warnings do not block a run: logprobs > 5, best_of > 1 with stream (streaming is
 * turned off), a stop sequence that is only whitespace.
 */
export function validateParams(_input: unknown): ParamsValidation {
  throw new Error('not implemented');
}
