import { describe, expect, it } from 'vitest';
import type { HistoryRun } from '@shared/contracts/history';
import type { RunSummary } from '@shared/contracts/runs';
import { fullText } from './chunkText';
import { restoredRun, restoredStatus } from './restoreRun';

const summary: RunSummary = {
  choices: [{ index: 0, finishReason: 'length' }],
  usage: { promptTokens: 3, completionTokens: 4, totalTokens: 7 },
  timing: { ttfbMs: 10, ttftMs: 12, totalMs: 100, tokensPerSecond: 40 },
  routing: {
    provider: 'openai',
    model: 'gpt-3.5-turbo-instruct',
    headers: { 'x-bifrost-provider': 'openai' },
  },
  streamed: true,
};

const saved = (extra: Partial<HistoryRun> = {}): HistoryRun => ({
  entry: {
    id: 'run-1',
    createdAt: 1_700_000_000_000,
    status: 'completed',
    profileId: 'local',
    profileName: 'Local',
    profileKind: 'bifrost',
    model: 'openai/gpt-3.5-turbo-instruct',
    promptPreview: 'Hi',
    choiceCount: 2,
    usage: summary.usage,
  },
  params: { model: 'openai/gpt-3.5-turbo-instruct', prompt: 'Hi', n: 2, logprobs: 1 },
  request: { method: 'POST', url: 'http://127.0.0.1/v1/completions', headers: {}, body: '{}', notes: [] },
  choices: [
    {
      index: 0,
      text: ' Hello world',
      finishReason: 'length',
      tokens: { choice: [0, 0], token: [' Hello', ' world'], logprob: [-0.1, -0.2], top: [null, null] },
    },
    { index: 1, text: 'x'.repeat(5000), finishReason: null },
  ],
  summary,
  error: null,
  arrivals: [11, 12, 30],
  ...extra,
});

describe('restoredRun', () => {
  it('shows a saved run finished, with its texts, figures and tokens counted', () => {
    const run = restoredRun(saved());
    expect(run).toMatchObject({
      runId: 'run-1',
      profileId: 'local',
      startedAt: 1_700_000_000_000,
      status: 'completed',
      restored: true,
      httpStatus: 200,
      ttfbMs: 10,
      routing: summary.routing,
      tokenCount: 2,
      arrivalBatches: [[11, 12, 30]],
      summary,
      error: null,
    });
    expect(run.choices.map((choice) => [choice.index, fullText(choice), choice.finishReason])).toEqual([
      [0, ' Hello world', 'length'],
      [1, 'x'.repeat(5000), null],
    ]);
    // Long texts are chunked like streamed ones (closed chunks + tail).
    expect(run.choices[1]?.chunks.length).toBeGreaterThan(0);
  });

  it('keeps the error of a failed run and marks a run that never ended as interrupted', () => {
    const error = {
      kind: 'server_error' as const,
      title: 'The gateway failed (500)',
      message: 'x',
      status: 500,
    };
    const failed = restoredRun(saved({ error, summary: null, choices: [], arrivals: [] }));
    expect(failed).toMatchObject({
      httpStatus: 500,
      error,
      tokenCount: 0,
      arrivalBatches: [],
      routing: null,
    });
    expect(restoredStatus('running')).toBe('interrupted');
    expect(restoredStatus('interrupted')).toBe('interrupted');
    expect(restoredStatus('aborted')).toBe('interrupted');
    expect(restoredStatus('truncated')).toBe('truncated');
    const stopped = saved();
    stopped.entry.status = 'interrupted';
    expect(restoredRun({ ...stopped, summary: null }).httpStatus).toBe(200);
  });
});
