import type { Usage } from '../contracts/runs';

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
 */
export function normalizeCompletion(_json: unknown): NormalizedCompletion {
  throw new Error('not implemented');
}

/** Returns the error carried by a body or frame, or null when it is not an error. */
export function detectErrorPayload(_json: unknown): ErrorPayload | null {
  throw new Error('not implemented');
}
