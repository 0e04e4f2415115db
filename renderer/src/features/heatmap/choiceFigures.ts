import type { CompletionParams } from '@shared/contracts/params';
import {
  rankChoicesByMeanLogprob,
  SequenceStatsAccumulator,
  type SequenceStats,
} from '@shared/logprobs/metrics';
import { scorePrompt, type PromptScore } from '@shared/logprobs/scorePrompt';
import type { TokenSource } from '@shared/logprobs/tokenStore';
import { promptOfChoice } from './continuePrompt';

export interface ChoiceFigures {
  /** Over the generated tokens (after the echoed prompt, when echoed). */
  stats: SequenceStats;
  /** With echo: the prompt's score (its first token has no logprob and is left out). */
  prompt: PromptScore | null;
}

interface Running {
  from: number;
  upTo: number;
  accumulator: SequenceStatsAccumulator;
}

const running = new WeakMap<TokenSource, Running>();

/**
 * Stats of tokens `from ..` of a growing (append-only) source, kept per source so each frame of a
 * stream only adds its new tokens instead of re-reading the whole sequence.
 */
export function growingStats(source: TokenSource, from = 0): SequenceStats {
  let entry = running.get(source);
  if (!entry || entry.from !== from || entry.upTo > source.length) {
    entry = { from, upTo: from, accumulator: new SequenceStatsAccumulator() };
    running.set(source, entry);
  }
  if (entry.upTo < source.length) {
    entry.accumulator.addRange(source, Math.max(entry.upTo, from), source.length);
    entry.upTo = source.length;
  }
  return entry.accumulator.result();
}

/** The per-choice figures: sequence stats of the output, and the prompt's score when echoed. */
export function choiceFigures(
  source: TokenSource,
  params: Pick<CompletionParams, 'echo' | 'prompt' | 'n'>,
  choice: number,
): ChoiceFigures {
  if (!params.echo) return { stats: growingStats(source), prompt: null };
  const prompt = scorePrompt(source, promptOfChoice(params, choice));
  return { stats: growingStats(source, prompt.promptTokens), prompt };
}

/** Choice indexes best first by mean logprob (of their outputs). */
export function choiceRanking(
  sources: ReadonlyArray<{ choice: number; source: TokenSource | null }>,
  params: Pick<CompletionParams, 'echo' | 'prompt' | 'n'>,
): number[] {
  const scored = sources.map(({ choice, source }) => ({
    choice,
    stats: source ? choiceFigures(source, params, choice).stats : { meanLogprob: null },
  }));
  return rankChoicesByMeanLogprob(scored).map((entry) => entry.choice);
}
