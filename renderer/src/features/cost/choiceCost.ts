import { usdForTokens } from '@shared/cost/cost';
import type { Price } from '@shared/cost/prices';

export interface ChoiceCostInput {
  /** This choice's completion tokens. */
  completionTokens: number;
  /** The run's prompt tokens (usage is reported for the whole request). */
  promptTokens: number | undefined;
  /** How many choices the run has: each carries an equal share of the prompt. */
  choiceCount: number;
}

export interface ChoiceCost {
  inputUsd: number;
  outputUsd: number;
  totalUsd: number;
}

/** A choice's cost: its completion tokens at the output price plus an equal share of the prompt's cost. */
export function choiceCostOf(input: ChoiceCostInput, price: Price): ChoiceCost {
  const share = input.choiceCount > 0 ? (input.promptTokens ?? 0) / input.choiceCount : 0;
  const inputUsd = usdForTokens(share, price.inputPerMillion);
  const outputUsd = usdForTokens(input.completionTokens, price.outputPerMillion);
  return { inputUsd, outputUsd, totalUsd: Math.round((inputUsd + outputUsd) * 1e12) / 1e12 };
}
