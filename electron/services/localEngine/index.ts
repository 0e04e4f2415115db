/** The built-in llama.cpp engine and its OpenAI-compatible server on 127.0.0.1. */
export { createLocalEngine, type LocalEngineOptions } from './engine';
export { startLocalEngineServer, type LocalEngineServer } from './engineServer';
export { startLocalServer, type LocalServer, type LocalServerOptions } from './server';
export {
  measureServedTokensPerSecond,
  measureTokensPerSecond,
  type ThroughputOptions,
  type ThroughputReport,
} from './throughput';
export { EngineInputError, type EngineEvent, type EngineRequest, type LocalEngine } from './types';
