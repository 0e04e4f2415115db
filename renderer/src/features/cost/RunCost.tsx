import { useEffect } from 'react';
import { Button } from 'react-aria-components';
import { costOf, formatUsd, type Cost } from '@shared/cost/cost';
import type { RunHeaderState } from '../runs/store';
import { useRunField } from '../runs/store';
import { costSourceLabel } from './costLabels';
import { priceEditorActions } from './priceEditorStore';
import { sessionCostActions } from './sessionStore';
import { useResolvedPrice } from './useResolvedPrice';

type RunCostInput = Pick<RunHeaderState, 'runId' | 'status' | 'params' | 'summary'>;

/** A run that failed before any response: nothing was billed, so the session does not count it. */
const neverAnswered = (run: RunCostInput & Pick<RunHeaderState, 'httpStatus'>): boolean =>
  run.status === 'failed' && !run.summary?.usage && (run.httpStatus === null || run.httpStatus >= 400);

/** A run's cost from its usage and the model's price (or the provider's own figure). */
export function useRunCost(run: RunCostInput) {
  const profileId = useRunField(run.runId, (state) => state.profileId) ?? null;
  const { price, loading } = useResolvedPrice([run.params.model, run.summary?.responseModel], profileId);
  const usage = run.summary?.usage ?? null;
  return { cost: costOf(usage, price), price, usage, loading };
}

function splitText(cost: Cost): string | null {
  if (cost.inputUsd === null || cost.outputUsd === null) return null;
  return `input ${formatUsd(cost.inputUsd)} + output ${formatUsd(cost.outputUsd)}`;
}

/** The "Cost" fact of a run header; counts the run into the session total once it has finished. */
export function RunCostFact({
  run,
  testId,
  sourceTestId,
}: {
  run: RunCostInput & Pick<RunHeaderState, 'httpStatus'>;
  testId: string;
  sourceTestId: string;
}) {
  const { cost, usage, loading } = useRunCost(run);
  const finished = run.status !== 'running';
  // A run reopened from the history was not spent in this session.
  const restored = useRunField(run.runId, (state) => state.restored) === true;
  const unbilled = neverAnswered(run) || restored;

  useEffect(() => {
    if (finished && !loading && !unbilled) sessionCostActions.runFinished(run.runId, cost?.totalUsd ?? null);
  }, [finished, loading, unbilled, run.runId, cost?.totalUsd]);

  const split = cost ? splitText(cost) : null;
  return (
    <div className="fact run-cost">
      <dt>Cost</dt>
      <dd data-testid={testId}>
        {cost ? (
          <>
            <span title={split ?? undefined}>{formatUsd(cost.totalUsd)}</span>{' '}
            <span className="cost-source" data-testid={sourceTestId}>
              {costSourceLabel(cost.source)}
            </span>
            {split ? <span className="cost-split muted">{split}</span> : null}
          </>
        ) : !usage ? (
          <span className="muted">{finished ? 'no usage reported' : '—'}</span>
        ) : loading ? (
          '…'
        ) : (
          <>
            <span className="muted" data-testid={sourceTestId}>
              unknown price
            </span>{' '}
            <Button
              className="button button-small"
              onPress={() => priceEditorActions.openFor(run.summary?.responseModel ?? run.params.model)}
            >
              Set price
            </Button>
          </>
        )}
      </dd>
    </div>
  );
}
