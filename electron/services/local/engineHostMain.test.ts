import { describe, expect, it, vi } from 'vitest';
import type { EngineHostReply } from './engineHostProtocol';
import { runEngineHost, type ServeEngine } from './engineHostMain';

function fakePort() {
  const replies: EngineHostReply[] = [];
  let deliver: (message: unknown) => void = () => undefined;
  return {
    replies,
    port: {
      postMessage: (message: EngineHostReply) => void replies.push(message),
      onMessage: (listener: (message: unknown) => void) => void (deliver = listener),
    },
    send: (message: unknown) => deliver(message),
  };
}

const WHERE = { pid: 7, threadId: 3 };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('engine host (the child side)', () => {
  it('starts the engine once and answers ready with its address and token', async () => {
    const { port, replies, send } = fakePort();
    const serve = vi.fn<ServeEngine>(async () => ({
      url: 'http://127.0.0.1:5000',
      token: 'x'.repeat(64),
      close: async () => undefined,
    }));
    runEngineHost(port, serve, () => undefined, WHERE);
    send({ type: 'start', modelPath: '/m/a.gguf', threads: 1 });
    await settle();
    expect(serve).toHaveBeenCalledWith({ type: 'start', modelPath: '/m/a.gguf', threads: 1 });
    expect(replies).toEqual([
      { type: 'ready', url: 'http://127.0.0.1:5000', token: 'x'.repeat(64), pid: 7, threadId: 3 },
    ]);
    send({ type: 'start', modelPath: '/m/b.gguf', threads: 1 });
    expect(replies.at(-1)).toEqual({ type: 'failed', message: 'Engine host: already started' });
    expect(serve).toHaveBeenCalledTimes(1);
  });

  it('reports a failed start with its reason', async () => {
    const { port, replies, send } = fakePort();
    runEngineHost(
      port,
      async () => Promise.reject(new Error('not a GGUF file')),
      () => undefined,
      WHERE,
    );
    send({ type: 'start', modelPath: '/m/a.txt', threads: 1 });
    await settle();
    expect(replies).toEqual([{ type: 'failed', message: 'not a GGUF file' }]);
  });

  it('refuses a malformed message and names what is wrong', () => {
    const { port, replies, send } = fakePort();
    runEngineHost(port, vi.fn<ServeEngine>(), () => undefined, WHERE);
    send({ type: 'start', modelPath: '', threads: 0 });
    expect(replies[0]).toMatchObject({ type: 'failed' });
    expect(replies[0]?.type === 'failed' && replies[0].message).toMatch(
      /unexpected message.*(modelPath|threads)/s,
    );
  });

  it('closes the engine, then says closed, then exits', async () => {
    const { port, replies, send } = fakePort();
    const order: string[] = [];
    runEngineHost(
      port,
      async () => ({
        url: 'http://127.0.0.1:5000',
        token: 't'.repeat(32),
        close: async () => void order.push('close'),
      }),
      () => order.push('exit'),
      WHERE,
    );
    send({ type: 'start', modelPath: '/m/a.gguf', threads: 2 });
    send({ type: 'close' });
    await settle();
    await settle();
    expect(order).toEqual(['close', 'exit']);
    expect(replies.map((reply) => reply.type)).toEqual(['ready', 'closed']);
  });

  it('closes at once when nothing was started', async () => {
    const { port, replies, send } = fakePort();
    const exit = vi.fn();
    runEngineHost(port, vi.fn<ServeEngine>(), exit, WHERE);
    send({ type: 'close' });
    await settle();
    expect(replies).toEqual([{ type: 'closed' }]);
    expect(exit).toHaveBeenCalledOnce();
  });
});
