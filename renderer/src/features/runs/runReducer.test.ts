import { packColumns } from '@shared/logprobs/packedTokens';
import { describe, expect, it } from 'vitest';
import type { RunError, RunSummary } from '@shared/contracts/runs';
import { applyRunEvents, createRun, expectedChoiceCount, failedToStart, withNewRun } from './runReducer';
import { fullText } from './chunkText';
import type { RunEvent, RunState } from './runTypes';

const summary = (choices: RunSummary['choices'] = []): RunSummary => ({
  choices,
  usage: { promptTokens: 3, completionTokens: 4, totalTokens: 7 },
  timing: { ttfbMs: 10, ttftMs: 12, totalMs: 100, tokensPerSecond: 40 },
  routing: { provider: 'openai', model: 'gpt-3.5-turbo-instruct', headers: {} },
  streamed: true,
});

const batch = (runId: string, seq: number, choice: number[], delta: string[]): RunEvent => ({
  name: 'run.batch',
  payload: { runId, seq, text: { choice, delta } },
});

function start(runId = 'r1', n?: number): Record<string, RunState> {
  return {
    [runId]: createRun({ runId, profileId: 'p', params: { model: 'm/x', prompt: 'Hi', n }, startedAt: 0 }),
  };
}

function textOf(runs: Readonly<Record<string, RunState>>, runId: string, index: number): string {
  const choice = runs[runId]?.choices.find((c) => c.index === index);
  return choice ? fullText(choice) : '<none>';
}

describe('createRun', () => {
  it('prepares one panel per expected choice (n per prompt)', () => {
    expect(expectedChoiceCount({ model: 'a/b', prompt: ['x', 'y'], n: 3 })).toBe(6);
    expect(expectedChoiceCount({ model: 'a/b', prompt: 'x' })).toBe(1);
    expect(start('r', 2).r?.choices.map((c) => c.index)).toEqual([0, 1]);
  });
});

describe('applyRunEvents', () => {
  it('appends deltas per choice in seq order even when a frame delivers them out of order', () => {
    const runs = applyRunEvents(start('r1', 2), [
      batch('r1', 2, [0], [' world']),
      batch('r1', 1, [0, 1], ['Hello', 'Bye']),
      batch('r1', 3, [1], ['!']),
    ]);
    expect(textOf(runs, 'r1', 0)).toBe('Hello world');
    expect(textOf(runs, 'r1', 1)).toBe('Bye!');
    expect(runs.r1?.lastSeq).toBe(3);
  });

  it('ignores unknown runs and stale or duplicate seqs', () => {
    const initial = start();
    expect(applyRunEvents(initial, [batch('other', 1, [0], ['x'])])).toBe(initial);
    const once = applyRunEvents(initial, [batch('r1', 1, [0], ['a'])]);
    const again = applyRunEvents(once, [batch('r1', 1, [0], ['a']), batch('r1', 0, [0], ['old'])]);
    expect(again).toBe(once);
    expect(textOf(again, 'r1', 0)).toBe('a');
  });

  it('records the response, finish reasons and the summary, then completes', () => {
    const runs = applyRunEvents(start(), [
      {
        name: 'run.responded',
        payload: {
          runId: 'r1',
          seq: 0,
          status: 200,
          ttfbMs: 9,
          routing: { provider: 'openai', headers: {} },
        },
      },
      batch('r1', 1, [0], ['Hi']),
      {
        name: 'run.batch',
        payload: {
          runId: 'r1',
          seq: 2,
          text: { choice: [], delta: [] },
          finished: [{ index: 0, finishReason: 'length' }],
        },
      },
      {
        name: 'run.completed',
        payload: { runId: 'r1', seq: 3, summary: summary([{ index: 0, finishReason: 'length' }]) },
      },
    ]);
    const run = runs.r1;
    expect(run?.status).toBe('completed');
    expect(run?.httpStatus).toBe(200);
    expect(run?.ttfbMs).toBe(9);
    expect(run?.choices[0]?.finishReason).toBe('length');
    expect(run?.summary?.usage?.totalTokens).toBe(7);
    expect(run?.routing?.model).toBe('gpt-3.5-turbo-instruct');
  });

  it('keeps partial text on failure, maps truncation to its own status and ignores later events', () => {
    const truncated: RunError = { kind: 'truncated', title: 'Cut short', message: 'No finish reason' };
    const runs = applyRunEvents(start(), [
      batch('r1', 1, [0], ['partial']),
      { name: 'run.failed', payload: { runId: 'r1', seq: 2, error: truncated, summary: summary() } },
      batch('r1', 3, [0], [' late']),
    ]);
    expect(runs.r1?.status).toBe('truncated');
    expect(runs.r1?.error?.title).toBe('Cut short');
    expect(textOf(runs, 'r1', 0)).toBe('partial');
    const failed = applyRunEvents(start(), [
      {
        name: 'run.failed',
        payload: { runId: 'r1', seq: 0, error: { ...truncated, kind: 'server_error' }, summary: summary() },
      },
    ]);
    expect(failed.r1?.status).toBe('failed');
  });

  it('marks aborted runs and creates choices it did not expect', () => {
    const runs = applyRunEvents(start(), [
      batch('r1', 1, [2], ['third']),
      { name: 'run.aborted', payload: { runId: 'r1', seq: 2, summary: summary() } },
    ]);
    expect(runs.r1?.status).toBe('aborted');
    expect(runs.r1?.choices.map((c) => c.index)).toEqual([0, 2]);
  });

  it('hands token columns to onTokens once per applied batch and counts tokens', () => {
    const tokens = packColumns({
      choice: [0, 0],
      token: ['a', 'b'],
      logprob: [-0.1, null],
      top: [null, [['b', -0.2]]],
    });
    const received: Array<[string, unknown]> = [];
    const event: RunEvent = {
      name: 'run.batch',
      payload: { runId: 'r1', seq: 1, text: { choice: [0], delta: ['ab'] }, tokens },
    };
    const runs = applyRunEvents(start(), [event, event], (runId, columns) => received.push([runId, columns]));
    expect(runs.r1?.tokenCount).toBe(2);
    expect(received).toEqual([['r1', tokens]]);
    const again = applyRunEvents(runs, [event], (runId, columns) => received.push([runId, columns]));
    expect(again).toBe(runs);
    expect(received).toHaveLength(1);
  });

  it('keeps chunk arrival times per batch', () => {
    const runs = applyRunEvents(start(), [
      {
        name: 'run.batch',
        payload: { runId: 'r1', seq: 1, text: { choice: [0], delta: ['a'] }, arrivals: [5, 9] },
      },
      { name: 'run.batch', payload: { runId: 'r1', seq: 2, text: { choice: [0], delta: ['b'] } } },
      {
        name: 'run.batch',
        payload: { runId: 'r1', seq: 3, text: { choice: [0], delta: ['c'] }, arrivals: [14] },
      },
    ]);
    expect(runs.r1?.arrivalBatches).toEqual([[5, 9], [14]]);
  });

  it('only changes the identity of the run and choice that received text', () => {
    const initial = { ...start('r1', 2), ...start('r2') };
    const runs = applyRunEvents(initial, [batch('r1', 1, [1], ['x'])]);
    expect(runs.r2).toBe(initial.r2);
    expect(runs.r1?.choices[0]).toBe(initial.r1?.choices[0]);
    expect(runs.r1?.choices[1]).not.toBe(initial.r1?.choices[1]);
  });
});

describe('failedToStart', () => {
  it('fails a running run and leaves finished ones alone', () => {
    const error: RunError = { kind: 'validation', title: 'Not started', message: 'Invalid input' };
    const run = start().r1 as RunState;
    expect(failedToStart(run, error).status).toBe('failed');
    const done = { ...run, status: 'completed' as const };
    expect(failedToStart(done, error)).toBe(done);
  });
});

describe('withNewRun', () => {
  it('puts the new run first and forgets the oldest finished ones beyond the limit', () => {
    const done = (runId: string): RunState => ({ ...createRunFor(runId), status: 'completed' });
    const runs = { a: done('a'), b: { ...done('b'), status: 'running' as const }, c: done('c') };
    const next = withNewRun({ runs, order: ['c', 'b', 'a'] }, createRunFor('d'), 2);
    expect(next.order).toEqual(['d', 'c', 'b']);
    expect(Object.keys(next.runs).sort()).toEqual(['b', 'c', 'd']);
    expect(next.runs.c).toBe(runs.c);
  });
});

function createRunFor(runId: string): RunState {
  return createRun({ runId, profileId: 'p', params: { model: 'm/x', prompt: 'Hi' }, startedAt: 0 });
}
