import { describe, expect, it } from 'vitest';
import type { AppApi, EventName } from '@shared/contracts/api';
import { subscribeRunEvents } from './runEvents';
import type { RunEvent } from './runTypes';

function fakeApi() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api: Pick<AppApi, 'on'> = {
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
  const emit = (name: EventName, payload: unknown) =>
    listeners.get(name)?.forEach((listener) => listener(payload));
  const count = () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);
  return { api, emit, count };
}

const summary = {
  choices: [],
  usage: null,
  timing: { ttfbMs: null, ttftMs: null, totalMs: 1, tokensPerSecond: null },
  routing: { headers: {} },
  streamed: true,
};

describe('subscribeRunEvents', () => {
  it('batches events per frame and flushes terminal events at once', () => {
    const { api, emit, count } = fakeApi();
    const frames: Array<() => void> = [];
    const applied: RunEvent[][] = [];
    const unsubscribe = subscribeRunEvents(
      api,
      (events) => applied.push(events),
      (callback) => {
        frames.push(callback);
        return () => frames.splice(frames.indexOf(callback), 1);
      },
    );
    expect(count()).toBe(5);
    emit('run.batch', { runId: 'r', seq: 1, text: { choice: [0], delta: ['a'] } });
    emit('run.batch', { runId: 'r', seq: 2, text: { choice: [0], delta: ['b'] } });
    expect(applied).toHaveLength(0);
    frames.splice(0).forEach((frame) => frame());
    expect(applied.map((events) => events.map((event) => event.payload.seq))).toEqual([[1, 2]]);
    emit('run.batch', { runId: 'r', seq: 3, text: { choice: [0], delta: ['c'] } });
    emit('run.completed', { runId: 'r', seq: 4, summary });
    expect(applied.map((events) => events.map((event) => event.name))).toEqual([
      ['run.batch', 'run.batch'],
      ['run.batch', 'run.completed'],
    ]);
    expect(frames).toHaveLength(0);
    unsubscribe();
    expect(count()).toBe(0);
  });
});
