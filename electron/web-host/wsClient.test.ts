import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { wsHostMessageSchema } from '@shared/contracts/wire';
import { createRouter } from '../services/router';
import { createFakeServices } from './testing/fakeServices';
import { attachWsClient, BACKPRESSURE_WARN_BYTES } from './wsClient';

class FakeSocket extends EventEmitter {
  readyState: number = WebSocket.OPEN;
  bufferedAmount = 0;
  sent: unknown[] = [];
  failWith: Error | undefined;
  send(data: string, callback: (error?: Error) => void) {
    if (this.failWith) throw this.failWith;
    this.sent.push(JSON.parse(data));
    callback();
  }
}

function setup() {
  const socket = new FakeSocket();
  const log = vi.fn();
  const services = createFakeServices();
  attachWsClient({
    socket: socket as unknown as WebSocket,
    clientId: 'ws:1',
    router: createRouter(services.handlers),
    onClosed: (id) => services.clientClosed(id),
    log,
  });
  const invoke = async (id: number, name: string) => {
    socket.emit('message', Buffer.from(JSON.stringify({ type: 'invoke', id, name, input: {} })), false);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { socket, log, services, invoke };
}

describe('attachWsClient', () => {
  it('warns once when the client falls behind', async () => {
    const { socket, log, invoke } = setup();
    socket.bufferedAmount = BACKPRESSURE_WARN_BYTES + 1;
    await invoke(1, 'app.info');
    await invoke(2, 'app.info');
    expect(socket.sent).toHaveLength(2);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toContain('ws:1 is slow');
  });

  it('drops replies for a socket that is no longer open', async () => {
    const { socket, invoke } = setup();
    socket.readyState = WebSocket.CLOSING;
    await invoke(1, 'profiles.list');
    expect(socket.sent).toEqual([]);
  });

  it('survives send errors and binary frames', async () => {
    const { socket, log, invoke } = setup();
    socket.emit('message', Buffer.from('{}'), true);
    socket.failWith = new Error('socket gone');
    await expect(invoke(1, 'app.info')).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('socket gone'));
  });

  it('answers a broken envelope naming the wrong field, only when its id is a safe integer', async () => {
    const { socket } = setup();
    const send = (value: unknown) => socket.emit('message', Buffer.from(JSON.stringify(value)), false);
    send({ type: 'invoke', id: 3, name: 42, input: {} });
    send({ type: 'invoke', id: Number.MAX_SAFE_INTEGER + 2, name: 42, input: {} });
    send({ type: 'invoke', id: -1 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(socket.sent).toEqual([
      {
        type: 'reply',
        id: 3,
        reply: {
          ok: false,
          error: {
            message: 'Invalid message: name: Invalid input: expected string, received number',
            issues: ['name: Invalid input: expected string, received number'],
          },
        },
      },
    ]);
    for (const message of socket.sent) expect(wsHostMessageSchema.safeParse(message).success).toBe(true);
  });

  it('reports the client closed once', () => {
    const { socket, services } = setup();
    socket.emit('close');
    socket.emit('close');
    expect(services.closed).toEqual(['ws:1']);
  });
});
