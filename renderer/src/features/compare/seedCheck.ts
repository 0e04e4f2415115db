/** The outcome of running one target twice with the same seed. */
export interface SeedRun {
  text: string;
  /** Chosen-token logprobs of the first choice (empty without logprobs). */
  logprobs: ReadonlyArray<number | null>;
  systemFingerprint: string | null;
}

export interface SeedCheckResult {
  textMatches: boolean;
  /** null when either run had no logprobs. */
  logprobsMatch: boolean | null;
  /** null when either response had no fingerprint. */
  fingerprintMatches: boolean | null;
  /** First character offset where the texts differ (null when equal). */
  firstDifference: number | null;
  fingerprints: [string | null, string | null];
}

const LOGPROB_TOLERANCE = 1e-9;

export function compareSeedRuns(
  first: SeedRun,
  second: SeedRun,
  firstDifference: number | null,
): SeedCheckResult {
  let logprobsMatch: boolean | null = null;
  if (first.logprobs.length > 0 && second.logprobs.length > 0) {
    logprobsMatch =
      first.logprobs.length === second.logprobs.length &&
      first.logprobs.every((value, index) => {
        const other = second.logprobs[index] ?? null;
        if (value === null || other === null) return value === other;
        return Math.abs(value - other) <= LOGPROB_TOLERANCE;
      });
  }
  const [a, b] = [first.systemFingerprint || null, second.systemFingerprint || null];
  return {
    textMatches: first.text === second.text,
    logprobsMatch,
    fingerprintMatches: a === null || b === null ? null : a === b,
    firstDifference,
    fingerprints: [a, b],
  };
}

/** One line for people: "Match: same text, logprobs and system_fingerprint." or what differed. */
export function seedCheckSummary(result: SeedCheckResult): string {
  const differed: string[] = [];
  const matched: string[] = [];
  (result.textMatches ? matched : differed).push(
    result.textMatches ? 'text' : `text (from character ${result.firstDifference ?? 0})`,
  );
  if (result.logprobsMatch !== null) (result.logprobsMatch ? matched : differed).push('logprobs');
  if (result.fingerprintMatches !== null)
    (result.fingerprintMatches ? matched : differed).push('system_fingerprint');
  const list = (items: string[]) => items.join(', ').replace(/, ([^,]*)$/, ' and $1');
  if (differed.length === 0) return `Match: same ${list(matched)}.`;
  return `Mismatch: ${list(differed)} differed${matched.length ? `; ${list(matched)} matched` : ''}.`;
}
