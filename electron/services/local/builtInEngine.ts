import type { Env } from '../keys/resolveKey';
import type { EngineChild } from './engineHostProtocol';
import { startEngineInChild } from './engineChildClient';
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

/** The file name of the engine host's entry, built next to the app's main entries. */
export const ENGINE_HOST_ENTRY = 'localEngineHost.js';

/**
 * The app's local engines, backed by llama.cpp (node-llama-cpp, prebuilt binaries): one per model
 * file, each in its own child (`spawnChild`: an Electron utility process, or a worker thread in
 * browser mode) serving 127.0.0.1 with its own token. Nothing is loaded until a local profile is used.
 */
export function createBuiltInEngines(env: Env, spawnChild: () => EngineChild): LocalEngines {
  const threads = localThreads(env);
  return createLocalEngines((modelPath) => startEngineInChild(spawnChild(), { modelPath, threads }));
}
