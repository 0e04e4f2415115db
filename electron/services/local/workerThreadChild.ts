import { Worker } from 'node:worker_threads';
import type { EngineChild } from './engineHostProtocol';

/**
 * The engine's host as a Node worker thread (browser mode): off the host's event loop, in the same
 * process. `workerData` is for tests (a bootstrap that loads the TypeScript entry).
 */
export function workerThreadChild(
  entry: string | URL,
  log: (line: string) => void,
  workerData?: unknown,
): EngineChild {
  const worker = new Worker(entry, { workerData });
  return {
    postMessage: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
    onExit: (listener) => {
      let done = false;
      const once = (code: number | null) => {
        if (done) return;
        done = true;
        listener(code);
      };
      worker.once('exit', (code) => once(code));
      worker.once('error', (error) => {
        log(`[engine] the engine thread failed: ${error.stack ?? error.message}`);
        void worker.terminate().then(() => once(null));
      });
    },
    kill: () => void worker.terminate(),
  };
}
