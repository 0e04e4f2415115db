import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '@shared/contracts/channels';
import type { AppApi } from '@shared/contracts/api';

// A fake `electron` for the renderer side: a recording contextBridge and an ipcRenderer whose
// invoke answers from `replies`.
const fake = vi.hoisted(() => {
  // A minimal event emitter (the preload folder may not import node:*).
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  return {
    exposed: new Map<string, unknown>(),
    replies: [] as unknown[],
    invokes: [] as unknown[][],
    emitter: {
      on(channel: string, listener: (...args: unknown[]) => void) {
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      },
      emit(channel: string, ...args: unknown[]) {
        for (const listener of listeners.get(channel) ?? []) listener(...args);
      },
      listenerCount: (channel: string) => listeners.get(channel)?.length ?? 0,
    },
  };
});

vi.mock('electron', () => {
  return {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        fake.invokes.push(args);
        return fake.replies.shift();
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        fake.emitter.on(channel, listener);
      },
    },
  };
});

await import('./index');
const api = fake.exposed.get('api') as AppApi;
const emitter = () => fake.emitter;

const appInfo = {
  mode: 'electron',
  version: '1.0.0',
  keyStorage: { persistent: true, description: 'keychain' },
  warnings: [],
};

beforeEach(() => {
  fake.replies.length = 0;
  fake.invokes.length = 0;
});

describe('preload', () => {
  it('exposes only window.api with invoke and on', () => {
    expect([...fake.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(JSON.stringify(Object.values(api).map((value) => typeof value))).toBe('["function","function"]');
  });

  it('sends a valid call over the invoke channel and returns the parsed output', async () => {
    fake.replies.push({ ok: true, output: { ...appInfo, extra: 'dropped' } });
    expect(await api.invoke('app.info', {})).toEqual(appInfo);
    expect(fake.invokes).toEqual([[INVOKE_CHANNEL, 'app.info', {}]]);
  });

  it('refuses unknown routes and invalid input without sending anything', async () => {
    await expect(api.invoke('nope' as 'app.info', {})).rejects.toThrow('Unknown route: nope');
    await expect(api.invoke('runs.stop', { runId: 'bad id!' })).rejects.toThrow(
      /Invalid input for runs.stop: runId/,
    );
    await expect(api.invoke('keys.set', { profileId: 'p', key: '   ' })).rejects.toThrow(/Paste a key/);
    expect(fake.invokes).toEqual([]);
  });

  it('throws the route error, and refuses malformed replies and outputs', async () => {
    fake.replies.push({ ok: false, error: { message: 'No such profile' } });
    await expect(api.invoke('keys.test', { profileId: 'p' })).rejects.toThrow('No such profile');
    fake.replies.push('garbage');
    await expect(api.invoke('app.info', {})).rejects.toThrow('Malformed reply for app.info');
    fake.replies.push({ ok: true, output: { mode: 'nope' } });
    await expect(api.invoke('app.info', {})).rejects.toThrow(/Invalid output from app.info/);
  });

  it('delivers parsed event payloads without the IPC event, and unsubscribes', () => {
    const received: unknown[][] = [];
    const off = api.on('profiles.changed', (...args: unknown[]) => received.push(args));
    const offAgain = api.on('run.aborted', () => received.push(['wrong listener']));
    const ipcEvent = { sender: { send: () => {} }, ports: [] };
    emitter().emit(EVENT_CHANNEL, ipcEvent, { name: 'profiles.changed', payload: { extra: 1 } });
    expect(received).toEqual([[{}]]);
    expect(emitter().listenerCount(EVENT_CHANNEL)).toBe(1);
    off();
    emitter().emit(EVENT_CHANNEL, ipcEvent, { name: 'profiles.changed', payload: {} });
    expect(received).toHaveLength(1);
    offAgain();
  });

  it('drops malformed events and payloads that break the contract', () => {
    const received: unknown[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const off = api.on('run.aborted', (payload) => received.push(payload));
    emitter().emit(EVENT_CHANNEL, {}, 'garbage');
    emitter().emit(EVENT_CHANNEL, {}, { name: 'unknown.event', payload: {} });
    emitter().emit(EVENT_CHANNEL, {}, { name: 'run.aborted', payload: { nonsense: true } });
    expect(received).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(3);
    off();
    warn.mockRestore();
  });

  it('refuses unknown event names', () => {
    expect(() => api.on('nope' as 'profiles.changed', () => {})).toThrow('Unknown event: nope');
  });
});
