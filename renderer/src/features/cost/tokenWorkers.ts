import { countTokens } from './tokenCounter';
import type { EncodingName } from './tokenEncoding';
import type { CountReply } from './workers/serveCounts';

/**
 * One worker per encoding, started on first use: loading a tokenizer (up to ~1 MB of ranks) and
 * counting a long prompt never block the page (e.g. while a run streams in).
 */
const createWorker: Record<EncodingName, () => Worker> = {
  cl100k_base: () =>
    new Worker(new URL('./workers/cl100k_base.worker.ts', import.meta.url), { type: 'module' }),
  p50k_base: () => new Worker(new URL('./workers/p50k_base.worker.ts', import.meta.url), { type: 'module' }),
  r50k_base: () => new Worker(new URL('./workers/r50k_base.worker.ts', import.meta.url), { type: 'module' }),
};

interface Pending {
  resolve(counts: number[]): void;
  reject(error: Error): void;
}

const workers = new Map<EncodingName, Worker>();
const pending = new Map<number, Pending>();
let nextId = 1;
/** Set when workers cannot run here: counting then happens on the page. */
let workersFailed = typeof Worker === 'undefined';

function workerFor(encoding: EncodingName): Worker {
  let worker = workers.get(encoding);
  if (worker) return worker;
  worker = createWorker[encoding]();
  worker.onmessage = (event: MessageEvent<CountReply>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if ('counts' in reply) waiting.resolve(reply.counts);
    else waiting.reject(new Error(reply.error));
  };
  worker.onerror = () => {
    workersFailed = true;
    worker?.terminate();
    workers.delete(encoding);
    for (const [id, waiting] of pending) {
      pending.delete(id);
      waiting.reject(new Error('The tokenizer worker failed'));
    }
  };
  workers.set(encoding, worker);
  return worker;
}

/** Token counts of `texts`, counted in a worker (on the page where workers cannot run). */
export async function countTokensOffThread(
  texts: readonly string[],
  encoding: EncodingName,
): Promise<number[]> {
  if (!workersFailed) {
    try {
      return await new Promise<number[]>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        workerFor(encoding).postMessage({ id, texts: [...texts] });
      });
    } catch {
      // fall through to counting on the page
    }
  }
  return countTokens(texts, encoding);
}
