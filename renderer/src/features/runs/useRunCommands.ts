import { useCallback, useState } from 'react';
import type { RunError } from '@shared/contracts/runs';
import { api } from '../../lib/api';
import { ConnectionLostError, errorMessage, RouteCallError } from '../../lib/routeError';
import type { CompletionParams } from '@shared/contracts/params';
import { buildScorePromptParams } from '@shared/logprobs/scorePrompt';
import { formFromParams } from '../params/formFromParams';
import { getParamsForm, getValidation, paramsActions } from '../params/store';
import { useSelectedProfile } from '../profiles/useSelectedProfile';
import { getCurrentRun, runsActions } from './store';

export function notStartedError(error: unknown): RunError {
  if (error instanceof ConnectionLostError) {
    return { kind: 'network', title: 'Lost connection to the playground host', message: error.message };
  }
  const issues =
    error instanceof RouteCallError && error.issues?.length ? ` (${error.issues.join('; ')})` : '';
  return { kind: 'validation', title: 'The run did not start', message: `${errorMessage(error)}${issues}` };
}

/** After the errors render (the held-back ones show from the first attempt on). */
function focusFirstInvalidField(): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/** Starts a run with these params (no form validation: they come from an earlier valid run). */
function startRun(profileId: string, params: CompletionParams): void {
  const runId = crypto.randomUUID();
  runsActions.runStarted({ runId, profileId, params, startedAt: Date.now() });
  api.invoke('runs.start', { runId, profileId, params }).then(
    (reply) => runsActions.runAccepted(runId, reply.request),
    (error: unknown) => runsActions.runNotStarted(runId, notStartedError(error)),
  );
}

/**
 * "Continue from here": puts the new prompt into the form and starts a run with `params` on the
 * profile of the run it continues. Does nothing while a run is active.
 */
export function continueRun(profileId: string, params: CompletionParams): boolean {
  if (getCurrentRun()?.status === 'running' || typeof params.prompt !== 'string') return false;
  if (getParamsForm().multiPrompt) paramsActions.multiPromptToggled(false);
  paramsActions.promptChanged(params.prompt);
  startRun(profileId, params);
  return true;
}

/**
 * "Re-run" (history): puts `params` into the form and starts a run with them on `profileId` (the
 * caller selects that profile). Does nothing while a run is active.
 */
export function rerun(profileId: string, params: CompletionParams): boolean {
  if (getCurrentRun()?.status === 'running') return false;
  paramsActions.formReplaced(formFromParams(params));
  startRun(profileId, params);
  return true;
}

/** Run and Stop, shared by the buttons and the keyboard shortcuts. */
export function useRunCommands() {
  const profile = useSelectedProfile();
  const [problem, setProblem] = useState<string | null>(null);
  const profileId = profile?.id ?? null;

  const start = useCallback(
    (score: boolean) => {
      if (getCurrentRun()?.status === 'running') return;
      paramsActions.runAttempted();
      if (!profileId) return setProblem('Choose a provider profile first.');
      const validation = getValidation();
      if (!validation.params) {
        const count = validation.issues.length;
        setProblem(
          `Fix ${count === 1 ? 'the marked problem' : `the ${count} marked problems`} before running.`,
        );
        focusFirstInvalidField();
        return;
      }
      setProblem(null);
      startRun(profileId, score ? buildScorePromptParams(validation.params).params : validation.params);
    },
    [profileId],
  );

  const run = useCallback(() => start(false), [start]);
  /** Score prompt: echo, logprobs, max_tokens 0, not streamed. */
  const score = useCallback(() => start(true), [start]);

  const stop = useCallback(() => {
    const current = getCurrentRun();
    if (current?.status !== 'running') return;
    runsActions.stopRequested(current.runId);
    // The run ends with its run.aborted event; a failed stop leaves it to finish on its own.
    api.invoke('runs.stop', { runId: current.runId }).catch(() => undefined);
  }, []);

  return { run, score, stop, problem, canRun: profileId !== null };
}
