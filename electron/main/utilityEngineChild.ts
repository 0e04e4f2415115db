import type { UtilityProcess } from 'electron';
import type { EngineChild } from '../services/local/engineHostProtocol';

type Fork = (modulePath: string, args?: string[], options?: Electron.ForkOptions) => UtilityProcess;

/**
 * The engine's host as an Electron utility process: llama.cpp runs in its own sandbox-less Node
 * process, so neither its CPU work nor a native crash can stall or take down the main process.
 */
export function utilityEngineChild(fork: Fork, entry: string, log: (line: string) => void): EngineChild {
  const child = fork(entry, [], { serviceName: 'Completions Playground local engine', stdio: 'pipe' });
  child.stderr?.on('data', (chunk: Buffer) => log(`[engine] ${chunk.toString('utf8').trimEnd()}`));
  child.stdout?.on('data', (chunk: Buffer) => log(`[engine] ${chunk.toString('utf8').trimEnd()}`));
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', (code: number) => listener(code)),
    kill: () => void child.kill(),
  };
}
