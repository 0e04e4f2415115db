import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { CompletionParams } from '@shared/contracts/params';
import { useCompare } from './compareStore';
import { runSeedCheck } from './compareRuns';
import { seedCheckSummary } from './seedCheck';

/** Seed check: one target twice with the same seed; did text, logprobs and system_fingerprint match? */
export function SeedCheckPanel({ base, disabled }: { base: CompletionParams | null; disabled: boolean }) {
  const targets = useCompare((state) => state.targets);
  const seedCheck = useCompare((state) => state.seedCheck);
  const [targetId, setTargetId] = useState<string | null>(null);
  const target = targets.find((candidate) => candidate.id === targetId) ?? targets[0];
  const checking = seedCheck !== null && seedCheck.result === null && seedCheck.error === null;
  return (
    <section className="seed-check" aria-label="Seed check">
      <label className="diff-picker">
        <span>Seed check</span>
        <select
          className="input"
          value={target?.id ?? ''}
          onChange={(event) => setTargetId(event.target.value)}
        >
          {targets.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.model}
            </option>
          ))}
        </select>
      </label>
      <Button
        className="button"
        isDisabled={!base || !target || checking || disabled}
        onPress={() => {
          if (base && target) void runSeedCheck(base, target);
        }}
      >
        Run seed check
      </Button>
      <span
        role="status"
        data-testid="seed-check-result"
        className={
          seedCheck?.result &&
          seedCheck.result.textMatches &&
          seedCheck.result.logprobsMatch !== false &&
          seedCheck.result.fingerprintMatches !== false
            ? 'seed-match'
            : 'seed-mismatch'
        }
      >
        {seedCheck === null
          ? `Runs the target twice with seed ${base?.seed ?? 1234}.`
          : seedCheck.error
            ? `Seed check failed: ${seedCheck.error}`
            : seedCheck.result
              ? `${seedCheckSummary(seedCheck.result)} (seed ${seedCheck.seed}${seedCheck.result.fingerprints[0] ? `; fingerprints ${seedCheck.result.fingerprints.join(' / ')}` : ''})`
              : `Running twice with seed ${seedCheck.seed}…`}
      </span>
    </section>
  );
}
