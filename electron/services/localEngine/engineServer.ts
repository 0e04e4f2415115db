import { createLocalEngine, type LocalEngineOptions } from './engine';
import { startLocalServer, type LocalServer } from './server';
import type { LocalEngine } from './types';

export interface LocalEngineServer extends LocalServer {
  engine: LocalEngine;
}

/**
 * Loads the model and serves it on 127.0.0.1 with a fresh random token. `close()` stops the server
 * and frees the model. This is the `StartLocalServer` the app's local engines use.
 */
export async function startLocalEngineServer(
  options: LocalEngineOptions & { token?: string; port?: number },
): Promise<LocalEngineServer> {
  const engine = await createLocalEngine(options);
  try {
    const server = await startLocalServer({ engine, token: options.token, port: options.port });
    return {
      ...server,
      engine,
      async close() {
        await server.close();
        await engine.dispose();
      },
    };
  } catch (error) {
    await engine.dispose();
    throw error;
  }
}
