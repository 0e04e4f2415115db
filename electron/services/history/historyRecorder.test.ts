import { packColumns } from '@shared/logprobs/packedTokens';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '@shared/contracts/api';
import type { HistoryRun } from '@shared/contracts/history';
import type { RequestPreview, RunStartInput } from '@shared/contracts/runs';
import { recordingClient } from '../testing/runHarness';
import { makeRun, makeSummary } from './historyFixtures';
import {
  createHistoryRecorder,
  HISTORY_FINAL_SAVE_DELAY_MS,
  HISTORY_MAX_SAVE_INTERVAL_MS,
  HISTORY_SAVE_INTERVAL_MS,
} from './historyRecorder';
import { createHistoryStore, type HistoryStore } from './historyStore';

let dir: string;
let store: HistoryStore;
let saves: HistoryRun[];
let timers: Map<number, () => void>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recorder-'));
  store = createHistoryStore({ dir });
  saves = [];
  timers = new Map();
});
afterEach(async () => {
  await store.flush();
  await rm(dir, { recursive: true, force: true });
});

function setup() {
  let nextTimer = 0;
  const recorder = createHistoryRecorder({
    store: {
      has: (id) => store.has(id),
      save: (run) => (saves.push(structuredClone(run)), store.save(run)),
    },
    setTimer: (callback) => (timers.set(++nextTimer, callback), nextTimer),
    clearTimer: (handle) => timers.delete(handle as number),
    wallNow: () => 1_700_000_000_000,
  });
  const client = recordingClient('window-1');
  return { recorder, client };
}

const fireTimers = (): void => {
  const callbacks = [...timers.values()];
  timers.clear();
  for (const callback of callbacks) callback();
};
/** Lets queued promise work (id claims, saves) run. */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
  await store.flush();
};

const preview: RequestPreview = makeRun('x', 0).request;
const input = (runId: string, prompt: string | string[] = 'Once upon a time'): RunStartInput => ({
  runId,
  profileId: 'local-bifrost',
  params: { model: 'openai/gpt-3.5-turbo-instruct', prompt, n: 2, logprobs: 1, stream: true },
});
const profile = { id: 'local-bifrost', name: 'Local Bifrost', kind: 'bifrost' } as const;
const batch = (
  runId: string,
  seq: number,
  extra: Partial<EventPayload<'run.batch'>>,
): EventPayload<'run.batch'> => ({
  runId,
  seq,
  text: { choice: [], delta: [] },
  ...extra,
});

describe('createHistoryRecorder', () => {
  it('saves a run as emitted: texts and tokens per choice, arrivals, summary; events still reach the client', async () => {
    const { recorder, client } = setup();
    const tracked = recorder.track(client, input('run-1', ['First prompt', 'Second']), profile);
    tracked.started(preview);
    const { ctx } = tracked;
    ctx.emit('run.responded', { runId: 'run-1', seq: 0, status: 200, routing: { headers: {} }, ttfbMs: 9 });
    ctx.emit(
      'run.batch',
      batch('run-1', 1, {
        text: { choice: [0, 1], delta: [' Hello', ' café'] },
        tokens: packColumns({
          choice: [0, 1],
          token: [' Hello', ' café'],
          logprob: [-0.5, -1],
          top: [[[' Hello', -0.5]], null],
        }),
        arrivals: [10, 11],
      }),
    );
    ctx.emit(
      'run.batch',
      batch('run-1', 2, {
        text: { choice: [0, 1], delta: [' world', ' 🙂'] },
        tokens: packColumns({
          choice: [1, 0],
          token: [' 🙂', ' world'],
          logprob: [-2, null],
          top: [null, null],
          bytes: [[32, 240, 159, 153, 130], null],
        }),
        finished: [{ index: 1, finishReason: 'stop' }],
        arrivals: [15],
      }),
    );
    const summary = makeSummary({
      choices: [
        { index: 0, finishReason: 'length' },
        { index: 1, finishReason: 'stop' },
      ],
      usage: { promptTokens: 4, completionTokens: 4, totalTokens: 8, costUsd: 0.00002 },
    });
    ctx.emit('run.completed', { runId: 'run-1', seq: 3, summary });
    expect(client.events.map((e) => e.name)).toEqual([
      'run.responded',
      'run.batch',
      'run.batch',
      'run.completed',
    ]);
    await recorder.dispose();

    const run = await store.get('run-1');
    expect(run.entry).toEqual({
      id: 'run-1',
      createdAt: 1_700_000_000_000,
      status: 'completed',
      profileId: 'local-bifrost',
      profileName: 'Local Bifrost',
      profileKind: 'bifrost',
      model: 'openai/gpt-3.5-turbo-instruct',
      promptPreview: 'First prompt\nSecond',
      choiceCount: 2,
      usage: summary.usage,
      costUsd: 0.00002,
      ttftMs: 12,
      totalMs: 40,
    });
    expect(run.params).toEqual(input('run-1', ['First prompt', 'Second']).params);
    expect(run.request).toEqual(preview);
    expect(run.choices).toEqual([
      {
        index: 0,
        text: ' Hello world',
        finishReason: 'length',
        tokens: {
          choice: [0, 0],
          token: [' Hello', ' world'],
          logprob: [-0.5, null],
          top: [[[' Hello', -0.5]], null],
          bytes: [null, null],
        },
      },
      {
        index: 1,
        text: ' café 🙂',
        finishReason: 'stop',
        tokens: {
          choice: [1, 1],
          token: [' café', ' 🙂'],
          logprob: [-1, -2],
          top: [null, null],
          bytes: [null, [32, 240, 159, 153, 130]],
        },
      },
    ]);
    expect(run.arrivals).toEqual([10, 11, 15]);
    expect(run.summary).toEqual(summary);
    expect(run.error).toBeNull();
    expect(client.text('run-1')).toEqual({ 0: ' Hello world', 1: ' café 🙂' });
  });

  it('saves at start, at most once per interval while streaming, and at the end', async () => {
    const { recorder, client } = setup();
    const tracked = recorder.track(client, input('run-2'), profile);
    tracked.started(preview);
    await settle();
    expect(saves.map((s) => s.entry.status)).toEqual(['running']);
    for (let i = 0; i < 5; i += 1) {
      tracked.ctx.emit('run.batch', batch('run-2', i, { text: { choice: [0], delta: [`w${i} `] } }));
    }
    expect(timers.size).toBe(1);
    expect(saves).toHaveLength(1);
    fireTimers();
    await settle();
    expect(saves.map((s) => s.choices[0]?.text)).toEqual([undefined, 'w0 w1 w2 w3 w4 ']);
    // What a crash at this point would keep:
    expect((await store.get('run-2')).choices[0]?.text).toBe('w0 w1 w2 w3 w4 ');
    tracked.ctx.emit('run.batch', batch('run-2', 5, { text: { choice: [0], delta: ['end'] } }));
    tracked.ctx.emit('run.aborted', { runId: 'run-2', seq: 6, summary: makeSummary() });
    // The final save waits a moment (the client renders the result first): one timer, no save yet.
    expect(timers.size).toBe(1);
    await settle();
    expect(saves).toHaveLength(2);
    fireTimers();
    await settle();
    // Stop is saved like a crash: interrupted, with what had arrived (and the run's summary).
    expect(saves.map((s) => s.entry.status)).toEqual(['running', 'running', 'interrupted']);
    expect((await store.get('run-2')).summary).toEqual(makeSummary());
    expect((await store.get('run-2')).choices[0]?.text).toBe('w0 w1 w2 w3 w4 end');
  });

  it('sends each event to the client before the history saves it', async () => {
    const client = recordingClient('window-1');
    const seenBySave: string[][] = [];
    const recorder = createHistoryRecorder({
      store: {
        has: () => Promise.resolve(false),
        save: () => {
          seenBySave.push(client.events.map((event) => event.name));
          return Promise.resolve();
        },
      },
      setTimer: () => 0,
      clearTimer: () => undefined,
    });
    const tracked = recorder.track(client, input('run-order'), profile);
    tracked.started(preview);
    await settle();
    tracked.ctx.emit('run.completed', { runId: 'run-order', seq: 0, summary: makeSummary() });
    await recorder.flush();
    expect(seenBySave.at(-1)).toEqual(['run.completed']);
  });

  it('makes the final save a moment after the end, or at once when the history is read (flush)', async () => {
    const delays: number[] = [];
    let nextTimer = 0;
    const recorder = createHistoryRecorder({
      store: {
        has: (id) => store.has(id),
        save: (run) => (saves.push(structuredClone(run)), store.save(run)),
      },
      setTimer: (callback, ms) => (delays.push(ms), timers.set(++nextTimer, callback), nextTimer),
      clearTimer: (handle) => timers.delete(handle as number),
    });
    const client = recordingClient('window-1');
    const tracked = recorder.track(client, input('run-late'), profile);
    tracked.started(preview);
    await settle();
    tracked.ctx.emit('run.completed', { runId: 'run-late', seq: 0, summary: makeSummary() });
    await settle();
    expect(delays).toEqual([HISTORY_FINAL_SAVE_DELAY_MS]);
    expect((await store.get('run-late')).entry.status).toBe('running');
    await recorder.flush();
    expect((await store.get('run-late')).entry.status).toBe('completed');
    // The timer was cancelled: the run is not saved a second time.
    expect(timers.size).toBe(0);
    expect(saves.map((s) => s.entry.status)).toEqual(['running', 'completed']);
  });

  it('waits longer between saves when saving is slow (10× the last save, at most 10 s)', async () => {
    let clock = 0;
    let saveTakesMs = 0;
    const delays: number[] = [];
    const pendingTimers: Array<() => void> = [];
    const recorder = createHistoryRecorder({
      store: {
        has: () => Promise.resolve(false),
        save: () => {
          clock += saveTakesMs;
          return Promise.resolve();
        },
      },
      setTimer: (callback, ms) => (delays.push(ms), pendingTimers.push(callback), delays.length),
      clearTimer: () => undefined,
      now: () => clock,
    });
    const client = recordingClient('window-1');
    const tracked = recorder.track(client, input('run-slow'), profile);
    tracked.started(preview);
    await settle();
    const streamOneBatchAndSave = async (seq: number, costMs: number): Promise<void> => {
      tracked.ctx.emit('run.batch', batch('run-slow', seq, { text: { choice: [0], delta: ['x'] } }));
      saveTakesMs = costMs;
      pendingTimers.shift()?.();
      await settle();
    };
    await streamOneBatchAndSave(0, 20);
    await streamOneBatchAndSave(1, 300);
    await streamOneBatchAndSave(2, 5_000);
    tracked.ctx.emit('run.batch', batch('run-slow', 3, { text: { choice: [0], delta: ['x'] } }));
    // First timer: the start save took 0 ms; then 20 ms (10× is under the 1 s floor), 300 ms, 5 s.
    expect(delays).toEqual([
      HISTORY_SAVE_INTERVAL_MS,
      HISTORY_SAVE_INTERVAL_MS,
      3_000,
      HISTORY_MAX_SAVE_INTERVAL_MS,
    ]);
  });

  it('marks failures, truncated streams and runs whose client went away', async () => {
    const { recorder, client } = setup();
    const failed = recorder.track(client, input('f'), profile);
    failed.started(preview);
    const truncated = recorder.track(client, input('t'), profile);
    truncated.started(preview);
    const orphan = recorder.track(client, input('o'), profile);
    orphan.started(preview);
    const other = recorder.track(recordingClient('window-2'), input('w2'), profile);
    other.started(preview);
    await settle();
    const error = { kind: 'server_error' as const, title: 'The gateway failed (500)', message: 'Try again.' };
    failed.ctx.emit('run.failed', { runId: 'f', seq: 0, error, summary: makeSummary() });
    const cut = { kind: 'truncated' as const, title: 'The stream ended early', message: 'No finish_reason.' };
    truncated.ctx.emit('run.batch', batch('t', 0, { text: { choice: [0], delta: ['part'] } }));
    truncated.ctx.emit('run.failed', { runId: 't', seq: 1, error: cut, summary: makeSummary() });
    orphan.ctx.emit('run.batch', batch('o', 0, { text: { choice: [0], delta: ['so far'] } }));
    recorder.clientClosed('window-1');
    await recorder.flush();
    const byId = Object.fromEntries((await store.list({ limit: 10 })).entries.map((e) => [e.id, e]));
    expect(byId.f).toMatchObject({ status: 'failed', errorTitle: 'The gateway failed (500)' });
    expect(byId.t).toMatchObject({ status: 'truncated', errorTitle: 'The stream ended early' });
    expect(byId.o?.status).toBe('interrupted');
    expect(byId.w2?.status).toBe('running');
    expect((await store.get('o')).choices).toEqual([{ index: 0, text: 'so far', finishReason: null }]);
    expect((await store.get('f')).error).toEqual(error);
    await recorder.dispose();
    expect((await store.get('w2')).entry.status).toBe('interrupted');
  });

  it('saves nothing for a run that never started, and keeps events that beat runs.start', async () => {
    const { recorder, client } = setup();
    recorder.track(client, input('never'), profile).cancel();
    const early = recorder.track(client, input('early'), profile);
    early.ctx.emit('run.batch', batch('early', 0, { text: { choice: [0], delta: ['fast'] } }));
    early.ctx.emit('run.completed', { runId: 'early', seq: 1, summary: makeSummary() });
    await settle();
    expect(saves).toEqual([]);
    early.started(preview);
    await recorder.dispose();
    expect((await store.list({ limit: 10 })).entries.map((e) => [e.id, e.status])).toEqual([
      ['early', 'completed'],
    ]);
    expect(saves).toHaveLength(1);
  });

  it('gives a run a new history id when its run id is already saved', async () => {
    const { recorder, client } = setup();
    await store.save(makeRun('same', 1));
    const first = recorder.track(client, input('same'), profile);
    first.started(preview);
    const second = recorder.track(recordingClient('window-2'), input('same'), profile);
    second.started(preview);
    await recorder.dispose();
    const ids = (await store.list({ limit: 10 })).entries.map((e) => e.id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    expect(ids.filter((id) => id.startsWith('same-'))).toHaveLength(2);
    expect((await store.get('same')).choices[0]?.text).toBe(' text of same');
  });
});
