import type { KeyStatus, Profile } from '@shared/contracts/profiles';

/** A running local engine: an OpenAI-compatible server on 127.0.0.1 with its own bearer token. */
export interface LocalServer {
  url: string;
  token: string;
  close(): Promise<void>;
  /** Where the engine runs (its process and thread), when it runs in a child. */
  where?: { pid: number; threadId: number };
  /** Resolves if the engine ends on its own (a crash): the next use starts a new one. */
  exited?: Promise<void>;
}

/** Starts the engine for a model file (loads the model, serves it). */
export type StartLocalServer = (modelPath: string) => Promise<LocalServer>;

export interface LocalEngines {
  /** The server for a model file, started on first use (concurrent callers share one start). */
  serverFor(modelPath: string): Promise<LocalServer>;
  /** Stops every engine (app shutdown). */
  closeAll(): Promise<void>;
}

export function createLocalEngines(start: StartLocalServer): LocalEngines {
  const servers = new Map<string, Promise<LocalServer>>();
  return {
    serverFor(modelPath) {
      let server = servers.get(modelPath);
      if (!server) {
        server = start(modelPath);
        servers.set(modelPath, server);
        const started = server;
        const forget = () => {
          if (servers.get(modelPath) === started) servers.delete(modelPath);
        };
        // A failed start is not kept: the next run tries again (the file may have been fixed).
        // Nor is an engine that died.
        started.then((running) => running.exited?.then(forget), forget);
      }
      return server;
    },
    async closeAll() {
      const running = [...servers.values()];
      servers.clear();
      await Promise.allSettled(running.map(async (server) => (await server).close()));
    },
  };
}

/** A local profile's key status: the engine's own token, nothing for the user to set. */
export const LOCAL_KEY_STATUS: KeyStatus = { configured: true, source: 'engine' };

/**
 * The profile as the network sees it: a local profile points at its engine's server (started now if
 * needed) with the engine's token as its key; other profiles are unchanged (key resolved as usual).
 */
export async function connectProfile(
  profile: Profile,
  engines: LocalEngines | undefined,
): Promise<{ profile: Profile; key: string | undefined } | null> {
  if (profile.kind !== 'local') return null;
  if (!engines) throw new Error('The built-in engine is not available in this build');
  if (!profile.modelPath) throw new Error(`${profile.name} has no model file`);
  const server = await engines.serverFor(profile.modelPath);
  return { profile: { ...profile, baseUrl: server.url, endpoint: '/v1/completions' }, key: server.token };
}
