import { engineHostRequestSchema, type EngineHostReply } from './engineHostProtocol';

/** The host side of the channel: where requests come from and replies go. */
export interface EngineHostPort {
  postMessage(message: EngineHostReply): void;
  onMessage(listener: (message: unknown) => void): void;
}

export interface ServedEngine {
  url: string;
  token: string;
  close(): Promise<void>;
}

export type ServeEngine = (options: { modelPath: string; threads: number }) => Promise<ServedEngine>;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs in the engine's process or thread: `start` loads the model and serves it, `close` stops it.
 * Replies `ready` / `failed` / `closed`; `exit` ends the process or thread after `closed`.
 */
export function runEngineHost(
  port: EngineHostPort,
  serve: ServeEngine,
  exit: () => void,
  where: { pid: number; threadId: number },
): void {
  let served: Promise<ServedEngine | null> | null = null;
  port.onMessage((raw) => {
    const parsed = engineHostRequestSchema.safeParse(raw);
    if (!parsed.success) {
      port.postMessage({
        type: 'failed',
        message: `Engine host: unexpected message (${parsed.error.message})`,
      });
      return;
    }
    const request = parsed.data;
    if (request.type === 'start') {
      if (served) {
        port.postMessage({ type: 'failed', message: 'Engine host: already started' });
        return;
      }
      served = serve(request).then(
        (engine) => {
          port.postMessage({ type: 'ready', url: engine.url, token: engine.token, ...where });
          return engine;
        },
        (error: unknown) => {
          port.postMessage({ type: 'failed', message: messageOf(error) });
          return null;
        },
      );
      return;
    }
    const closing = served ?? Promise.resolve(null);
    void closing
      .then((engine) => engine?.close())
      .catch(() => undefined)
      .then(() => {
        port.postMessage({ type: 'closed' });
        exit();
      });
  });
}
