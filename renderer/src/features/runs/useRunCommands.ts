import { useCallback, useState } from 'react';
import type { RunError } from '@shared/contracts/runs';
import { api } from '../../lib/api';
import { ConnectionLostError, errorMessage, RouteCallError } from '../../lib/routeError';
import { getValidation, paramsActions } from '../params/store';
import { useSelectedProfile } from '../profiles/useSelectedProfile';
import { getCurrentRun, runsActions } from './store';

function notStartedError(error: unknown): RunError {
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

/** Run and Stop, shared by the buttons and the keyboard shortcuts. */
export function useRunCommands() {
  const profile = useSelectedProfile();
  const [problem, setProblem] = useState<string | null>(null);
  const profileId = profile?.id ?? null;

  const run = useCallback(() => {
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
    const runId = crypto.randomUUID();
    const params = validation.params;
    runsActions.runStarted({ runId, profileId, params, startedAt: Date.now() });
    api.invoke('runs.start', { runId, profileId, params }).then(
      (reply) => runsActions.runAccepted(runId, reply.request),
      (error: unknown) => runsActions.runNotStarted(runId, notStartedError(error)),
    );
  }, [profileId]);

  const stop = useCallback(() => {
    const current = getCurrentRun();
    if (current?.status !== 'running') return;
    runsActions.stopRequested(current.runId);
    // The run ends with its run.aborted event; a failed stop leaves it to finish on its own.
    api.invoke('runs.stop', { runId: current.runId }).catch(() => undefined);
  }, []);

  return { run, stop, problem, canRun: profileId !== null };
}
