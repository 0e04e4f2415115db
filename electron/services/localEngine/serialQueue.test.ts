import { describe, expect, it } from 'vitest';
import { SerialQueue } from './serialQueue';

describe('SerialQueue', () => {
  it('serves holders one at a time, in order', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const hold = async (name: string) => {
      const release = await queue.acquire();
      log.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`${name} out`);
      release();
    };
    await Promise.all([hold('a'), hold('b'), hold('c')]);
    expect(log).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
    await queue.idle();
  });

  it('lets a waiter leave when aborted, and the next one still gets its turn', async () => {
    const queue = new SerialQueue();
    const first = await queue.acquire();
    const controller = new AbortController();
    const leaving = queue.acquire(controller.signal);
    const third = queue.acquire();
    controller.abort(new Error('stopped'));
    await expect(leaving).rejects.toThrow('stopped');
    first();
    const release = await third;
    release();
    await queue.idle();
  });

  it('rejects at once for an already aborted signal', async () => {
    const queue = new SerialQueue();
    await expect(queue.acquire(AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
    const release = await queue.acquire();
    release();
  });
});
