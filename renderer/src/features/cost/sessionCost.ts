/** The app session's spending: each finished run counted once. */
export interface SessionCost {
  /** Runs counted (by id), so a run is never added twice. */
  counted: ReadonlySet<string>;
  totalUsd: number;
  /** Finished runs with a known cost. */
  pricedRuns: number;
  /** Finished runs whose cost is unknown (no price, no usage). */
  unpricedRuns: number;
}

export const emptySessionCost: SessionCost = {
  counted: new Set(),
  totalUsd: 0,
  pricedRuns: 0,
  unpricedRuns: 0,
};

/** Adds a finished run's cost (null when unknown); a run already counted leaves the total unchanged. */
export function withRunCost(session: SessionCost, runId: string, usd: number | null): SessionCost {
  if (session.counted.has(runId)) return session;
  const counted = new Set(session.counted).add(runId);
  if (usd === null || !Number.isFinite(usd))
    return { ...session, counted, unpricedRuns: session.unpricedRuns + 1 };
  return {
    counted,
    totalUsd: Math.round((session.totalUsd + usd) * 1e12) / 1e12,
    pricedRuns: session.pricedRuns + 1,
    unpricedRuns: session.unpricedRuns,
  };
}
