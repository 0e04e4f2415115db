import type { Env } from '../keys/resolveKey';
import { createLocalEngines, type LocalEngines } from './localEngines';

/**
 * CPU threads for the built-in engine: `PLAYGROUND_LOCAL_THREADS`, else 1. llama.cpp's own default
 * (4) oversubscribes small machines and stalls generation; more threads help only big models on
 * machines with cores to spare.
 */
export function localThreads(env: Env): number {
  const value = Number(env.PLAYGROUND_LOCAL_THREADS);
  return Number.isInteger(value) && value >= 1 && value <= 64 ? value : 1;
}

/**
 * The app's local engines, backed by llama.cpp (node-llama-cpp, prebuilt binaries): loaded only when a
 * local profile is first used, one server per model file on 127.0.0.1 with its own token.
 */
export function createBuiltInEngines(env: Env): LocalEngines {
  const threads = localThreads(env);
  return createLocalEngines(async (modelPath) => {
    const { startLocalEngineServer } = await import('../localEngine');
    return startLocalEngineServer({ modelPath, threads });
  });
}
