import type { CompletionParams } from '@shared/contracts/params';
import { api } from '../../lib/api';
import { fullText } from '../runs/chunkText';
import { choiceTokenStore } from '../runs/runTokens';
import { getRun, runsActions, whenRunEnds } from '../runs/store';
import { getValidation } from '../params/store';
import { notStartedError } from '../runs/useRunCommands';
import { firstDivergence } from './compareText';
import { compareActions, getCompareState, GATEWAY_COLUMN } from './compareStore';
import { directParams, gatewayRunParams, type CompareTarget } from './compareTargets';
import { compareSeedRuns, type SeedRun } from './seedCheck';

/** Starts a run kept for the compare view (pinned, not the main view's current run). Returns its id. */
export function startPinnedRun(profileId: string, params: CompletionParams): string {
  const runId = crypto.randomUUID();
  runsActions.pinnedRunStarted({ runId, profileId, params, startedAt: Date.now() });
  api.invoke('runs.start', { runId, profileId, params }).then(
    (reply) => runsActions.runAccepted(runId, reply.request),
    (error: unknown) => runsActions.runNotStarted(runId, notStartedError(error)),
  );
  return runId;
}

function stopRun(runId: string | undefined): void {
  if (!runId || getRun(runId)?.status !== 'running') return;
  runsActions.stopRequested(runId);
  api.invoke('runs.stop', { runId }).catch(() => undefined);
}

interface ColumnPlan {
  id: string;
  profileId: string;
  params: CompletionParams;
}

/** What each column sends, and why the columns that cannot start cannot. */
export function planColumns(
  base: CompletionParams,
  formProfileId: string,
  targets: readonly CompareTarget[],
  withGatewayRun: boolean,
): { plans: ColumnPlan[]; problems: Record<string, string> } {
  const plans: ColumnPlan[] = [];
  const problems: Record<string, string> = {};
  for (const target of targets) {
    const params = directParams(base, target);
    if (typeof params === 'string') problems[target.id] = params;
    else plans.push({ id: target.id, profileId: target.profileId, params });
  }
  const gateway = withGatewayRun ? gatewayRunParams(base) : null;
  if (gateway) plans.push({ id: GATEWAY_COLUMN, profileId: formProfileId, params: gateway });
  return { plans, problems };
}

/**
 * What a column would send now, from the form and the column's target (a message when it cannot be
 * built, null without a valid form). Read on demand (Copy as curl), not during render.
 */
export function columnParamsNow(id: string): CompletionParams | string | null {
  const base = getValidation().params;
  if (!base) return null;
  if (id === GATEWAY_COLUMN) return gatewayRunParams(base);
  const target = getCompareState().targets.find((candidate) => candidate.id === id);
  return target ? directParams(base, target) : null;
}

/** Bumped by Stop all: a sequential Run all stops starting columns. */
let generation = 0;

/** Run all: every column at once, or one after another. */
export async function runAllColumns(base: CompletionParams, formProfileId: string): Promise<void> {
  const state = getCompareState();
  if (Object.values(state.columnRuns).some((runId) => getRun(runId)?.status === 'running')) return;
  runsActions.pinnedRunsReleased(Object.values(state.columnRuns));
  const { plans, problems } = planColumns(base, formProfileId, state.targets, state.gatewayRun);
  const mine = ++generation;
  if (!state.sequential) {
    const runs = Object.fromEntries(
      plans.map((plan) => [plan.id, startPinnedRun(plan.profileId, plan.params)]),
    );
    compareActions.runsStarted(runs, problems);
    return;
  }
  compareActions.runsStarted({}, problems);
  for (const plan of plans) {
    if (generation !== mine) return;
    const runId = startPinnedRun(plan.profileId, plan.params);
    compareActions.columnRunStarted(plan.id, runId);
    await whenRunEnds(runId);
  }
}

export function stopColumn(id: string): void {
  stopRun(getCompareState().columnRuns[id]);
}

export function stopAllColumns(): void {
  generation++;
  for (const runId of Object.values(getCompareState().columnRuns)) stopRun(runId);
  const seedCheck = getCompareState().seedCheck;
  for (const runId of seedCheck?.runIds ?? []) stopRun(runId);
}

/** The first choice of a finished run, as the seed check compares it. */
function seedRunOf(runId: string): SeedRun | string {
  const run = getRun(runId);
  if (!run) return 'The run is gone';
  if (run.status !== 'completed')
    return run.error?.title ?? `The run ${run.status === 'aborted' ? 'was stopped' : 'did not complete'}`;
  const choice = run.choices[0];
  const store = choiceTokenStore(runId, 0);
  const logprobs: Array<number | null> = [];
  for (let index = 0; index < (store?.length ?? 0); index++) logprobs.push(store?.logprobAt(index) ?? null);
  return {
    text: choice ? fullText(choice) : '',
    logprobs,
    systemFingerprint: run.summary?.systemFingerprint ?? null,
  };
}

/** Seed check: the target twice with the same seed (the form's, else a fixed one), then what matched. */
export async function runSeedCheck(base: CompletionParams, target: CompareTarget): Promise<void> {
  const seed = base.seed ?? 1234;
  const params = directParams({ ...base, seed }, target);
  if (typeof params === 'string') {
    compareActions.seedCheckChanged({
      targetId: target.id,
      seed,
      runIds: ['', ''],
      result: null,
      error: params,
    });
    return;
  }
  for (const runId of getCompareState().seedCheck?.runIds ?? [])
    if (runId) runsActions.pinnedRunsReleased([runId]);
  const first = startPinnedRun(target.profileId, params);
  const second = startPinnedRun(target.profileId, params);
  const runIds: [string, string] = [first, second];
  compareActions.seedCheckChanged({ targetId: target.id, seed, runIds, result: null, error: null });
  await Promise.all([whenRunEnds(first), whenRunEnds(second)]);
  if (getCompareState().seedCheck?.runIds[0] !== first) return;
  const [a, b] = [seedRunOf(first), seedRunOf(second)];
  if (typeof a === 'string' || typeof b === 'string') {
    const error = typeof a === 'string' ? a : (b as string);
    compareActions.seedCheckChanged({ targetId: target.id, seed, runIds, result: null, error });
    return;
  }
  const result = compareSeedRuns(a, b, firstDivergence(a.text, b.text));
  compareActions.seedCheckChanged({ targetId: target.id, seed, runIds, result, error: null });
}
