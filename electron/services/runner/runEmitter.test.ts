import { describe, expect, it } from 'vitest';
import { createRunEmitter } from './runEmitter';

const summary = {
  choices: [],
  usage: null,
  timing: { ttfbMs: null, ttftMs: null, totalMs: 0, tokensPerSecond: null },
  routing: { headers: {} },
  streamed: false,
};

describe('createRunEmitter', () => {
  it('numbers events from 0 and allows exactly one terminal event', () => {
    const events: Array<{ name: string; payload: unknown }> = [];
    const emitter = createRunEmitter('r1', (name, payload) => events.push({ name, payload }));
    emitter.progress('run.responded', { status: 200, routing: { headers: {} }, ttfbMs: 5 });
    emitter.progress('run.batch', { text: { choice: [0], delta: ['a'] } });
    expect(emitter.terminal('run.completed', { summary })).toBe(true);
    expect(
      emitter.terminal('run.failed', { summary, error: { kind: 'unknown', title: 't', message: 'm' } }),
    ).toBe(false);
    emitter.progress('run.batch', { text: { choice: [0], delta: ['late'] } });
    expect(events.map((e) => [e.name, (e.payload as { seq: number }).seq])).toEqual([
      ['run.responded', 0],
      ['run.batch', 1],
      ['run.completed', 2],
    ]);
    expect(events[1]?.payload).toEqual({ runId: 'r1', seq: 1, text: { choice: [0], delta: ['a'] } });
    expect(emitter.ended).toBe(true);
  });

  it('close ends silently and a throwing emit does not escape', () => {
    let calls = 0;
    const emitter = createRunEmitter('r1', () => {
      calls++;
      throw new Error('Object has been destroyed');
    });
    expect(() => emitter.progress('run.batch', { text: { choice: [], delta: [] } })).not.toThrow();
    emitter.close();
    expect(emitter.terminal('run.aborted', { summary })).toBe(false);
    expect(calls).toBe(1);
  });
});
