import type { CompletionParams } from '@shared/contracts/params';
import { describeTokenText } from '@shared/logprobs/utf8Codec';
import type { DisplaySpanList } from '@shared/logprobs/utf8Merge';

/** The prompt a choice answers: choices are prompt-major (n per prompt). */
export function promptOfChoice(params: Pick<CompletionParams, 'prompt' | 'n'>, choice: number): string {
  if (typeof params.prompt === 'string') return params.prompt;
  const index = Math.floor(choice / Math.max(1, params.n ?? 1));
  return params.prompt[index] ?? params.prompt[0] ?? '';
}

/** The text of the spans before `span`. */
export function textBeforeSpan(spans: DisplaySpanList, span: number): string {
  let text = '';
  for (let at = 0; at < span && at < spans.length; at++) text += spans.textAt(at);
  return text;
}

/** An alternative's text as it would appear in the output (byte tokens decoded when whole). */
export function alternativeText(token: string): string {
  const described = describeTokenText(token);
  return described.partial ? token : described.text;
}

/**
 * "Continue from here": the params of a new run whose prompt is the choice's prompt + the output up to
 * (not including) the inspected token + the picked alternative. With echo the output already starts
 * with the prompt. Other params are kept, except that a scoring run (max_tokens 0) gets to generate:
 * its echo and max_tokens are dropped.
 */
export function continuationParams(
  params: CompletionParams,
  choice: number,
  outputBefore: string,
  alternative: string,
): CompletionParams {
  const prefix = params.echo ? '' : promptOfChoice(params, choice);
  const prompt = prefix + outputBefore + alternativeText(alternative);
  const next: CompletionParams = { ...params, prompt };
  if (Array.isArray(params.prompt)) delete next.n;
  if (params.max_tokens === 0) {
    delete next.max_tokens;
    delete next.echo;
  }
  return next;
}
