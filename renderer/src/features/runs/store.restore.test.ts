import { describe, expect, it } from 'vitest';
import type { HistoryRun } from '@shared/contracts/history';
import { choiceTokenStore } from './runTokens';
import { getCurrentRun, getRun, runsActions } from './store';

const saved = (id: string, echo = false): HistoryRun => ({
  entry: {
    id,
    createdAt: 1,
    status: 'interrupted',
    profileId: 'local',
    profileName: 'Local',
    profileKind: 'bifrost',
    model: 'p/m',
    promptPreview: 'Hi',
    choiceCount: 1,
    usage: null,
  },
  params: { model: 'p/m', prompt: 'Hi', logprobs: 1, echo },
  request: { method: 'POST', url: 'http://127.0.0.1/v1/completions', headers: {}, body: '{}', notes: [] },
  choices: [
    {
      index: 0,
      text: 'Hi there',
      finishReason: null,
      tokens: {
        choice: [0, 0],
        token: ['Hi', ' there'],
        logprob: [0, -0.7],
        top: [null, [[' there', -0.7]]],
      },
    },
  ],
  summary: null,
  error: null,
  arrivals: [5],
});

describe('runsActions.runRestored', () => {
  it('makes the saved run current and feeds its tokens to the token stores', () => {
    runsActions.runRestored(saved('saved-1', true));
    expect(getCurrentRun()?.runId).toBe('saved-1');
    expect(getCurrentRun()?.status).toBe('interrupted');
    const store = choiceTokenStore('saved-1', 0);
    expect(store?.length).toBe(2);
    expect(store?.tokenAt(1)).toBe(' there');
    // echo: the echoed first token's 0 is "no logprob", as when it streamed.
    expect(store?.logprobAt(0)).toBeNull();
  });

  it('leaves a run that is still streaming here alone', () => {
    runsActions.runStarted({
      runId: 'live-1',
      profileId: 'local',
      params: { model: 'p/m', prompt: 'x' },
      startedAt: 2,
    });
    runsActions.runRestored(saved('live-1'));
    expect(getRun('live-1')?.status).toBe('running');
    expect(getRun('live-1')?.restored).toBe(false);
  });
});
