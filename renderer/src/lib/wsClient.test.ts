import { describe, expect, it, vi } from 'vitest';
import { createWsClient, webSocketUrl, type SocketLike } from './wsClient';
import { ConnectionLostError, RouteCallError } from './routeError';

class FakeSocket implements SocketLike {
  sent: string[] = [];
  closed = false;
  private handlers = new Map<string, Array<(event: { data: unknown }) => void>>();
  addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {
    this.closed = true;
  }
  emit(type: 'open' | 'close' | 'error'): void {
    for (const handler of this.handlers.get(type) ?? []) handler({ data: undefined });
  }
  receive(message: unknown): void {
    const data = typeof message === 'string' ? message : JSON.stringify(message);
    for (const handler of this.handlers.get('message') ?? []) handler({ data });
  }
  lastInvoke(): { id: number; name: string; input: unknown } {
    const last = this.sent.at(-1);
    if (!last) throw new Error('nothing sent');
    return JSON.parse(last) as { id: number; name: string; input: unknown };
  }
}

function setup() {
  const socket = new FakeSocket();
  const warn = vi.fn();
  const client = createWsClient({ url: 'ws://x/api', createSocket: () => socket, warn });
  return { socket, client, warn };
}

const appInfo = {
  mode: 'web',
  version: '0.1.0',
  keyStorage: { persistent: false, description: 'memory' },
  warnings: [],
};

describe('webSocketUrl', () => {
  it('uses ws for http and wss for https, with the token encoded', () => {
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:5173' }, 'a b&c')).toBe(
      'ws://127.0.0.1:5173/api?token=a%20b%26c',
    );
    expect(webSocketUrl({ protocol: 'https:', host: 'h' }, 't')).toBe('wss://h/api?token=t');
  });
});

describe('createWsClient', () => {
  it('queues invokes until the socket opens, then resolves with the parsed reply', async () => {
    const { socket, client } = setup();
    expect(client.getStatus()).toBe('connecting');
    const result = client.invoke('app.info', {});
    expect(socket.sent).toHaveLength(0);
    socket.emit('open');
    expect(client.getStatus()).toBe('open');
    const sent = socket.lastInvoke();
    expect(sent).toEqual({ type: 'invoke', id: sent.id, name: 'app.info', input: {} });
    socket.receive({ type: 'reply', id: sent.id, reply: { ok: true, output: appInfo } });
    await expect(result).resolves.toEqual(appInfo);
  });

  it('rejects with the route error message and issues', async () => {
    const { socket, client } = setup();
    socket.emit('open');
    const result = client.invoke('profiles.delete', { profileId: 'p' });
    socket.receive({
      type: 'reply',
      id: socket.lastInvoke().id,
      reply: { ok: false, error: { message: 'No such profile', issues: ['profileId: unknown'] } },
    });
    const error: unknown = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RouteCallError);
    expect((error as RouteCallError).message).toBe('No such profile');
    expect((error as RouteCallError).issues).toEqual(['profileId: unknown']);
  });

  it('rejects a reply that does not match the route output schema', async () => {
    const { socket, client } = setup();
    socket.emit('open');
    const result = client.invoke('app.info', {});
    socket.receive({
      type: 'reply',
      id: socket.lastInvoke().id,
      reply: { ok: true, output: { mode: 'tv' } },
    });
    await expect(result).rejects.toThrow(/invalid reply to app.info/);
  });

  it('delivers valid events to subscribers and drops invalid ones', () => {
    const { socket, client, warn } = setup();
    socket.emit('open');
    const listener = vi.fn();
    const unsubscribe = client.on('run.aborted', listener);
    const summary = {
      choices: [],
      usage: null,
      timing: { ttfbMs: null, ttftMs: null, totalMs: 5, tokensPerSecond: null },
      routing: { headers: {} },
      streamed: true,
    };
    socket.receive({
      type: 'event',
      event: { name: 'run.aborted', payload: { runId: 'r1', seq: 3, summary } },
    });
    socket.receive({ type: 'event', event: { name: 'run.aborted', payload: { runId: 'r1' } } });
    socket.receive({ type: 'event', event: { name: 'nope', payload: {} } });
    socket.receive('not json');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith({ runId: 'r1', seq: 3, summary });
    expect(warn).toHaveBeenCalledTimes(3);
    unsubscribe();
    socket.receive({
      type: 'event',
      event: { name: 'run.aborted', payload: { runId: 'r1', seq: 4, summary } },
    });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('rejects pending and later invokes once the socket closes, and reports the status', async () => {
    const { socket, client } = setup();
    const statuses: string[] = [];
    client.subscribe(() => statuses.push(client.getStatus()));
    socket.emit('open');
    const pending = client.invoke('app.info', {});
    socket.emit('close');
    await expect(pending).rejects.toBeInstanceOf(ConnectionLostError);
    await expect(client.invoke('app.info', {})).rejects.toBeInstanceOf(ConnectionLostError);
    expect(statuses).toEqual(['open', 'closed']);
    // A late open after close does not revive the client.
    socket.emit('open');
    expect(client.getStatus()).toBe('closed');
  });

  it('ignores replies for unknown ids', async () => {
    const { socket, client } = setup();
    socket.emit('open');
    const result = client.invoke('app.info', {});
    const { id } = socket.lastInvoke();
    socket.receive({ type: 'reply', id: id + 100, reply: { ok: true, output: appInfo } });
    socket.receive({ type: 'reply', id, reply: { ok: true, output: appInfo } });
    await expect(result).resolves.toEqual(appInfo);
  });
});
