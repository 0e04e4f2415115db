import type { CompletionParams } from '../contracts/params';
import { SequenceStatsAccumulator, type SequenceStats } from './metrics';
import type { TokenSource } from './tokenStore';

/** Alternatives asked for when the form leaves `logprobs` unset. */
export const DEFAULT_SCORE_LOGPROBS = 1;

export interface ScorePromptRequest {
  params: CompletionParams;
  /** What was changed from the form, in words for the user (shown next to the request preview). */
  notes: string[];
}

/**
 * Params for "Score prompt": the prompt is echoed back with a logprob per token and nothing is
 * generated (`echo: true`, `max_tokens: 0`, `logprobs` from the form or 1, not streamed). Temperature,
 * logit_bias, seed, user, fallbacks, ... are kept. Dropped because they cannot apply: `n` and `best_of`
 * (every choice would be the same prompt), `suffix` (providers reject it with echo), `stream_options`
 * (only valid when streaming).
 */
export function buildScorePromptParams(form: CompletionParams): ScorePromptRequest {
  const notes: string[] = [];
  const { n, best_of: bestOf, suffix, stream_options: streamOptions, ...kept } = form;
  if (n !== undefined && n !== 1) notes.push(`n (${n}) is not sent: scoring returns one choice per prompt.`);
  if (bestOf !== undefined && bestOf !== 1)
    notes.push(`best_of (${bestOf}) is not sent when scoring a prompt.`);
  if (suffix !== undefined) notes.push('The suffix is not sent: echo cannot be combined with a suffix.');
  if (streamOptions !== undefined) notes.push('stream_options are not sent: scoring is not streamed.');
  return {
    params: {
      ...kept,
      echo: true,
      logprobs: form.logprobs ?? DEFAULT_SCORE_LOGPROBS,
      max_tokens: 0,
      stream: false,
    },
    notes,
  };
}

/** The prompts of a request as a list (choice i of a scoring response echoes prompt i). */
export function promptsOf(params: Pick<CompletionParams, 'prompt'>): string[] {
  return typeof params.prompt === 'string' ? [params.prompt] : [...params.prompt];
}

/**
 * Length of a prompt as `text_offset` counts it: in Unicode code points (OpenAI and the Python servers
 * index Python strings), not UTF-16 units.
 */
export function offsetLength(text: string): number {
  let length = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code >= 0xd800 && code <= 0xdbff && at + 1 < text.length) {
      const low = text.charCodeAt(at + 1);
      if (low >= 0xdc00 && low <= 0xdfff) at++;
    }
    length++;
  }
  return length;
}

/**
 * How many leading tokens of an echoed choice belong to the prompt: the tokens whose `text_offset` is
 * before the prompt's end. Without offsets, tokens are counted while their concatenated text is
 * shorter than the prompt (byte tokens may make this approximate).
 */
export function promptTokenCount(source: TokenSource, prompt: string): number {
  const end = offsetLength(prompt);
  let text = 0;
  for (let index = 0; index < source.length; index++) {
    const offset = source.offsetAt(index);
    const start = offset ?? text;
    if (start >= end) return index;
    text += offsetLength(source.tokenAt(index));
  }
  return source.length;
}

export interface PromptScore {
  /** Tokens of the prompt: indexes 0 .. promptTokens - 1 of the choice (the heatmap colours them). */
  promptTokens: number;
  /** Generated tokens after the prompt (0 for a pure scoring request). */
  completionTokens: number;
  /**
   * Over the prompt's tokens. The first has no logprob (nothing precedes it: OpenAI sends null, Azure
   * 0) and is always left out (counted in `skippedTokens`), so the perplexity is over promptTokens − 1
   * tokens; it is null when the prompt is a single token.
   */
  stats: SequenceStats;
}

/** Reads the prompt's part of an echoed choice and scores it. */
export function scorePrompt(source: TokenSource, prompt: string): PromptScore {
  const promptTokens = promptTokenCount(source, prompt);
  const accumulator = new SequenceStatsAccumulator();
  if (promptTokens > 0) accumulator.add(0, source.tokenAt(0), null);
  accumulator.addRange(source, 1, promptTokens);
  return { promptTokens, completionTokens: source.length - promptTokens, stats: accumulator.result() };
}
