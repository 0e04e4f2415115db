import { describe, expect, it } from 'vitest';
import type { EngineChild, EngineHostRequest } from './engineHostProtocol';
import { startEngineInChild } from './engineChildClient';
import { createLocalEngines } from './localEngines';

class FakeChild implements EngineChild {
  sent: EngineHostRequest[] = [];
  killed = 0;
  private messageListeners: ((message: unknown) => void)[] = [];
  private exitListeners: ((code: number | null) => void)[] = [];
  /** What the fake engine host answers to each request. */
  answer: (request: EngineHostRequest) => unknown[] = () => [];

  postMessage(message: EngineHostRequest): void {
    this.sent.push(message);
    for (const reply of this.answer(message)) queueMicrotask(() => this.reply(reply));
  }
  onMessage(listener: (message: unknown) => void): void {
    this.messageListeners.push(listener);
  }
  onExit(listener: (code: number | null) => void): void {
    this.exitListeners.push(listener);
  }
  kill(): void {
    this.killed++;
    this.exit(null);
  }
  reply(message: unknown): void {
    for (const listener of this.messageListeners) listener(message);
  }
  exit(code: number | null): void {
    const listeners = this.exitListeners;
    this.exitListeners = [];
    for (const listener of listeners) listener(code);
  }
}

const READY = { type: 'ready', url: 'http://127.0.0.1:5123', token: 'a'.repeat(64), pid: 42, threadId: 1 };

describe('the engine in its own process or thread (app side)', () => {
  it('sends start and resolves with the served address once ready; ignores garbage replies', async () => {
    const child = new FakeChild();
    child.answer = (request) => (request.type === 'start' ? [{ nonsense: true }, READY] : []);
    const server = await startEngineInChild(child, { modelPath: '/m/a.gguf', threads: 3 });
    expect(child.sent).toEqual([{ type: 'start', modelPath: '/m/a.gguf', threads: 3 }]);
    expect(server).toMatchObject({ url: READY.url, token: READY.token, where: { pid: 42, threadId: 1 } });
  });

  it('rejects with the host’s reason when the model cannot load, and ends the child', async () => {
    const child = new FakeChild();
    child.answer = () => [{ type: 'failed', message: 'wrong magic: not a GGUF file' }];
    await expect(startEngineInChild(child, { modelPath: '/m/a.txt', threads: 1 })).rejects.toThrow(
      'wrong magic: not a GGUF file',
    );
    expect(child.killed).toBe(1);
  });

  it('rejects when the child dies while loading', async () => {
    const child = new FakeChild();
    const started = startEngineInChild(child, { modelPath: '/m/a.gguf', threads: 1 });
    child.exit(134);
    await expect(started).rejects.toThrow('stopped while loading the model (exit code 134)');
  });

  it('closes politely: close is sent and answered, nothing is killed', async () => {
    const child = new FakeChild();
    child.answer = (request) => (request.type === 'start' ? [READY] : [{ type: 'closed' }]);
    const server = await startEngineInChild(child, { modelPath: '/m/a.gguf', threads: 1 });
    await server.close();
    expect(child.sent.map((request) => request.type)).toEqual(['start', 'close']);
    expect(child.killed).toBe(0);
  });

  it('kills a child that does not answer close in time', async () => {
    const child = new FakeChild();
    child.answer = (request) => (request.type === 'start' ? [READY] : []);
    const server = await startEngineInChild(child, {
      modelPath: '/m/a.gguf',
      threads: 1,
      closeTimeoutMs: 20,
    });
    await server.close();
    expect(child.killed).toBe(1);
  });

  it('a crashed engine is forgotten: the next use starts a new one', async () => {
    const children: FakeChild[] = [];
    const engines = createLocalEngines((modelPath) => {
      const child = new FakeChild();
      child.answer = (request) => (request.type === 'start' ? [READY] : [{ type: 'closed' }]);
      children.push(child);
      return startEngineInChild(child, { modelPath, threads: 1 });
    });
    const first = await engines.serverFor('/m/a.gguf');
    expect(await engines.serverFor('/m/a.gguf')).toBe(first);
    children[0]!.exit(139);
    await first.exited;
    await new Promise((resolve) => setTimeout(resolve, 0));
    const second = await engines.serverFor('/m/a.gguf');
    expect(second).not.toBe(first);
    expect(children).toHaveLength(2);
    await first.close(); // already gone: nothing to send
    expect(children[0]!.sent.map((request) => request.type)).toEqual(['start']);
  });
});
