import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { UtilityProcess } from 'electron';
import { startEngineInChild } from '../services/local/engineChildClient';
import { utilityEngineChild } from './utilityEngineChild';

/** A utility process stand-in that answers like the engine host does. */
class FakeUtilityProcess extends EventEmitter {
  stdout = new PassThrough();
  stderr = new PassThrough();
  posted: unknown[] = [];
  killed = false;
  postMessage(message: unknown): void {
    this.posted.push(message);
    const type = (message as { type: string }).type;
    const reply =
      type === 'start'
        ? { type: 'ready', url: 'http://127.0.0.1:6001', token: 'k'.repeat(64), pid: 4321, threadId: 0 }
        : { type: 'closed' };
    setTimeout(() => {
      this.emit('message', reply);
      if (type === 'close') this.emit('exit', 0);
    }, 1);
  }
  kill(): boolean {
    this.killed = true;
    this.emit('exit', 15);
    return true;
  }
}

describe('the engine in an Electron utility process', () => {
  it('forks the engine host entry, relays messages both ways, logs its output and exits on close', async () => {
    const forks: { modulePath: string; args?: string[]; options?: unknown; child: FakeUtilityProcess }[] = [];
    const logged: string[] = [];
    const fork = (modulePath: string, args?: string[], options?: unknown) => {
      const child = new FakeUtilityProcess();
      forks.push({ modulePath, args, options, child });
      return child as unknown as UtilityProcess;
    };
    const child = utilityEngineChild(fork, '/app/out/main/localEngineHost.js', (line) => logged.push(line));
    expect(forks).toHaveLength(1);
    expect(forks[0]).toMatchObject({
      modulePath: '/app/out/main/localEngineHost.js',
      args: [],
      options: { serviceName: 'Completions Playground local engine', stdio: 'pipe' },
    });

    const server = await startEngineInChild(child, { modelPath: '/m/a.gguf', threads: 2 });
    expect(server).toMatchObject({ url: 'http://127.0.0.1:6001', where: { pid: 4321, threadId: 0 } });
    forks[0]!.child.stderr.write('llama: warming up\n');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(logged).toEqual(['[engine] llama: warming up']);

    await server.close();
    expect(forks[0]!.child.posted).toEqual([
      { type: 'start', modelPath: '/m/a.gguf', threads: 2 },
      { type: 'close' },
    ]);
    expect(forks[0]!.child.killed).toBe(false);
  });
});
