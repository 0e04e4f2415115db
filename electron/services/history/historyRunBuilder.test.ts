import { describe, expect, it } from 'vitest';
import { packColumns } from '@shared/logprobs/packedTokens';
import type { EventPayload } from '@shared/contracts/api';
import { makeRun } from './historyFixtures';
import { HistoryRunBuilder, type RunMeta } from './historyRunBuilder';

const meta: RunMeta = {
  id: 'run-b',
  createdAt: 1,
  profile: { id: 'p', name: 'P', kind: 'bifrost' },
  params: { model: 'm', prompt: 'hi', logprobs: 1, stream: true },
  request: makeRun('x', 0).request,
};

const tokenBatch = (seq: number, token: string, logprob: number): EventPayload<'run.batch'> => ({
  runId: 'run-b',
  seq,
  text: { choice: [0], delta: [token] },
  tokens: packColumns({
    choice: [0],
    token: [token],
    logprob: [logprob],
    top: [[[token, logprob]]],
    offset: [seq],
  }),
});

describe('HistoryRunBuilder', () => {
  it('builds a run whose token columns later batches do not change', () => {
    const builder = new HistoryRunBuilder();
    builder.apply('run.batch', tokenBatch(0, ' a', -0.5));
    const first = builder.build(meta);
    builder.apply('run.batch', tokenBatch(1, ' b', -1.5));
    const second = builder.build(meta);
    expect(first.choices[0]?.text).toBe(' a');
    expect(first.choices[0]?.tokens).toEqual({
      choice: [0],
      token: [' a'],
      logprob: [-0.5],
      top: [[[' a', -0.5]]],
      offset: [0],
    });
    expect(second.choices[0]?.tokens?.token).toEqual([' a', ' b']);
    expect(second.choices[0]?.tokens?.offset).toEqual([0, 1]);
  });
});
