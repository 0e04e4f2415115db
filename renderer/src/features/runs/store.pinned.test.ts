import { describe, expect, it } from 'vitest';
import { packColumns } from '@shared/logprobs/packedTokens';
import { choiceTokenStore } from './runTokens';
import { getCurrentRun, getRun, KEPT_RUNS, runsActions } from './store';

const newRun = (runId: string) => ({
  runId,
  profileId: 'p',
  params: { model: 'a/b', prompt: 'x', logprobs: 1 },
  startedAt: 1,
});

describe('pinned (compare) runs', () => {
  it('are never the current run, outlive many main runs with their tokens, and go when released', () => {
    runsActions.runStarted(newRun('main-0'));
    runsActions.pinnedRunStarted(newRun('col-a'));
    runsActions.eventsReceived([
      {
        name: 'run.batch',
        payload: {
          runId: 'col-a',
          seq: 1,
          text: { choice: [0], delta: [' hi'] },
          tokens: packColumns({ choice: [0], token: [' hi'], logprob: [-0.5], top: [null] }),
        },
      },
    ]);
    expect(getCurrentRun()?.runId).toBe('main-0');
    for (let index = 1; index <= KEPT_RUNS + 2; index++) runsActions.runStarted(newRun(`main-${index}`));
    expect(getRun('col-a')?.tokenCount).toBe(1);
    expect(choiceTokenStore('col-a', 0)?.tokenAt(0)).toBe(' hi');
    runsActions.pinnedRunsReleased(['col-a']);
    expect(getRun('col-a')).toBeUndefined();
    expect(choiceTokenStore('col-a', 0)).toBeNull();
    expect(getCurrentRun()?.runId).toBe(`main-${KEPT_RUNS + 2}`);
  });

  it('fail when the connection is lost while they run', () => {
    runsActions.pinnedRunStarted(newRun('col-b'));
    runsActions.connectionLost({ kind: 'network', title: 'Lost', message: 'gone' });
    expect(getRun('col-b')?.status).toBe('failed');
  });
});
