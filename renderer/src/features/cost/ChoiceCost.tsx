import { formatUsd } from '@shared/cost/cost';
import { useChoice, useRunField, useRunHeader } from '../runs/store';
import { choiceTokenStore } from '../runs/runTokens';
import { choiceCostOf } from './choiceCost';
import { costSourceLabel } from './costLabels';
import { useRunCost } from './RunCost';
import { useTokenCounts } from './useTokenCounts';

const noTexts: readonly string[] = [];

/**
 * One choice's cost, once the run has finished: its completion tokens (from logprobs when the run
 * has them, else counted from its text and marked ≈) at the output price plus an equal share of the
 * prompt. Usage is only reported for the whole request, so this is an apportionment.
 */
export function ChoiceCost(props: {
  runId: string;
  choiceIndex: number;
  /** Defaults to `choice-<index>-cost`; a previous run's panel passes its own prefix. */
  testId?: string;
}) {
  // Nothing shows while the run streams: the figures (and their subscriptions to what grows every
  // frame) are only mounted once it has finished.
  const finished = useRunField(props.runId, (state) => state.status !== 'running') === true;
  return finished ? <FinishedChoiceCost {...props} /> : null;
}

function FinishedChoiceCost({
  runId,
  choiceIndex,
  testId = `choice-${choiceIndex}-cost`,
}: {
  runId: string;
  choiceIndex: number;
  testId?: string;
}) {
  const run = useRunHeader(runId);
  const choice = useChoice(runId, choiceIndex);
  const choiceCount = useRunField(runId, (state) => state.choices.length) ?? 1;
  // The tokens live outside React state; tokenCount is their version number.
  const tokenCount = useRunField(runId, (state) => state.tokenCount) ?? 0;
  const logprobTokens = tokenCount > 0 ? choiceTokenStore(runId, choiceIndex)?.length : undefined;
  // Mounted only once the run has finished (see ChoiceCost).
  const fromLogprobs = logprobTokens !== undefined && run?.params.echo !== true;
  const texts = !fromLogprobs ? [choice ? choice.chunks.join('') + choice.tail : ''] : noTexts;
  const counted = useTokenCounts(texts, run?.params.model ?? '', !fromLogprobs);
  const { price, usage } = useRunCostSafe(run);

  if (!run || !price || !usage) return null;
  const approximate = !fromLogprobs;
  const completionTokens = fromLogprobs ? logprobTokens : (counted.counts[0] ?? 0);
  const cost = choiceCostOf({ completionTokens, promptTokens: usage.promptTokens, choiceCount }, price);
  const how = fromLogprobs
    ? 'tokens from logprobs'
    : counted.encoding
      ? `tokens counted with ${counted.encoding}`
      : 'tokens estimated from the text length';
  return (
    <span
      className="choice-cost"
      data-testid={testId}
      title={`${completionTokens} completion tokens (${how}) at the ${costSourceLabel(price.source)}, plus 1/${choiceCount} of the prompt: input ${formatUsd(cost.inputUsd)} + output ${formatUsd(cost.outputUsd)}`}
    >
      {approximate ? '≈ ' : ''}
      {formatUsd(cost.totalUsd)}
    </span>
  );
}

const neverRun = {
  runId: '',
  status: 'running' as const,
  params: { model: '', prompt: '' },
  summary: null,
};

function useRunCostSafe(run: ReturnType<typeof useRunHeader>) {
  return useRunCost(run ?? neverRun);
}
