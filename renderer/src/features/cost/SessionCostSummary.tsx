import { formatUsd } from '@shared/cost/cost';
import { useSessionCost } from './sessionStore';

/** "Session: $0.0012 over 5 runs": every finished run of this app session, counted once. */
export function SessionCostSummary() {
  const { totalUsd, pricedRuns, unpricedRuns } = useSessionCost();
  return (
    <span className="session-cost" data-testid="session-cost">
      Session: {formatUsd(totalUsd)} over {pricedRuns} {pricedRuns === 1 ? 'run' : 'runs'}
      {unpricedRuns > 0 ? <span className="muted"> (+{unpricedRuns} without a known cost)</span> : null}
    </span>
  );
}
