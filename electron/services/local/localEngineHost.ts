/**
 * Entry point of the process or thread that hosts the built-in engine: an Electron utility process
 * (`process.parentPort`) or a Node worker thread (`worker_threads.parentPort`). llama.cpp and the
 * engine's HTTP server live here, never on the app's main thread.
 */
import { parentPort, threadId } from 'node:worker_threads';
import { runEngineHost, type EngineHostPort } from './engineHostMain';

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function hostPort(): EngineHostPort {
  const electronPort = (process as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return {
      postMessage: (message) => electronPort.postMessage(message),
      onMessage: (listener) => electronPort.on('message', (event) => listener(event.data)),
    };
  }
  if (parentPort) {
    const port = parentPort;
    return {
      postMessage: (message) => port.postMessage(message),
      onMessage: (listener) => port.on('message', listener),
    };
  }
  throw new Error('The engine host must run in a utility process or a worker thread');
}

const port = hostPort();
runEngineHost(
  port,
  async (options) => {
    const { startLocalEngineServer } = await import('../localEngine/engineServer');
    return startLocalEngineServer(options);
  },
  () => {
    // A worker thread ends when its port closes; a utility process when it exits.
    if (parentPort) parentPort.close();
    else process.exit(0);
  },
  { pid: process.pid, threadId },
);
