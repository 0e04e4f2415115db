import { engineHostReplySchema, type EngineChild, type EngineHostReply } from './engineHostProtocol';
import type { LocalServer } from './localEngines';

export interface ChildEngineOptions {
  modelPath: string;
  threads: number;
  /** How long `close()` waits for the engine to stop before killing it. Default 5 s. */
  closeTimeoutMs?: number;
}

/**
 * Starts the built-in engine in its own process or thread and resolves with its server once the
 * model is loaded. A start that fails (bad file, no binary) or a child that dies while loading
 * rejects with the reason; a child that dies later resolves `exited`, so the app starts a new one on
 * the next run instead of calling a dead server.
 */
export function startEngineInChild(child: EngineChild, options: ChildEngineOptions): Promise<LocalServer> {
  const closeTimeoutMs = options.closeTimeoutMs ?? 5000;
  let exited = false;
  let markExited: () => void = () => undefined;
  const exitedPromise = new Promise<void>((resolve) => (markExited = resolve));
  const replyListeners = new Set<(reply: EngineHostReply) => void>();

  child.onMessage((raw) => {
    const parsed = engineHostReplySchema.safeParse(raw);
    if (!parsed.success) return;
    for (const listener of [...replyListeners]) listener(parsed.data);
  });

  return new Promise<LocalServer>((resolve, reject) => {
    const onStartReply = (reply: EngineHostReply) => {
      if (reply.type === 'ready') {
        replyListeners.delete(onStartReply);
        const where = { pid: reply.pid, threadId: reply.threadId };
        resolve({ url: reply.url, token: reply.token, where, close, exited: exitedPromise });
      } else if (reply.type === 'failed') {
        replyListeners.delete(onStartReply);
        child.kill();
        reject(new Error(reply.message));
      }
    };
    replyListeners.add(onStartReply);
    child.onExit((code) => {
      exited = true;
      markExited();
      if (replyListeners.has(onStartReply)) {
        replyListeners.delete(onStartReply);
        reject(new Error(`The built-in engine stopped while loading the model (exit code ${String(code)})`));
      }
    });
    child.postMessage({ type: 'start', modelPath: options.modelPath, threads: options.threads });
  });

  async function close(): Promise<void> {
    if (exited) return;
    const stopped = new Promise<void>((resolve) => {
      const onClosed = (reply: EngineHostReply) => {
        if (reply.type === 'closed') {
          replyListeners.delete(onClosed);
          resolve();
        }
      };
      replyListeners.add(onClosed);
      void exitedPromise.then(resolve);
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), closeTimeoutMs)),
    );
    child.postMessage({ type: 'close' });
    const outcome = await Promise.race([stopped, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') child.kill();
  }
}
