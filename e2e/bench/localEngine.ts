import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { measureServedTokensPerSecond, measureTokensPerSecond } from '../../electron/services/localEngine';
import { startEngineInChild } from '../../electron/services/local/engineChildClient';
import { workerThreadChild } from '../../electron/services/local/workerThreadChild';
import { builtEngineHost, repoRoot } from '../fixtures/paths';
import { notMeasured, type BenchRow } from './table';

const MODEL = resolve(repoRoot, '../shared/fixtures/models/stories260K.gguf');
const TOKENS = 400;

/** Row 7: the built-in engine's speed, through our server, against node-llama-cpp's own loop. */
export async function benchLocalEngine(): Promise<BenchRow[]> {
  if (!existsSync(MODEL))
    return [notMeasured('7', 'Local engine tokens/s', '—', `no test model at ${MODEL}`)];
  const report = await measureTokensPerSecond({ modelPath: MODEL, tokens: TOKENS, threads: 1 });
  // As the app runs it: the built engine host in a worker thread, called over HTTP.
  const child = workerThreadChild(builtEngineHost, (line) => console.error(line));
  const threaded = await startEngineInChild(child, { modelPath: MODEL, threads: 1 });
  let inThread: { withLogprobs: number; withoutLogprobs: number };
  try {
    inThread = {
      withoutLogprobs: await measureServedTokensPerSecond(threaded, { tokens: TOKENS, logprobs: null }),
      withLogprobs: await measureServedTokensPerSecond(threaded, { tokens: TOKENS, logprobs: 5 }),
    };
  } finally {
    await threaded.close();
  }
  const row = (id: string, name: string, figure: number, note: string): BenchRow => ({
    id,
    name,
    figure,
    unit: 'tok/s',
    reference: report.native,
    referenceName: 'node-llama-cpp loop',
    ratio: report.native > 0 ? figure / report.native : null,
    target: '—',
    met: null,
    note,
  });
  const common = `stories260K (1.1 MB, 512-token vocab: measures our overhead, not model speed), ${TOKENS} tokens greedy, 1 thread`;
  return [
    row(
      '7a',
      'Local engine in its worker thread, via HTTP, no logprobs',
      inThread.withoutLogprobs,
      `${common}; streamed over HTTP as the app reads it; same server in-process: ${report.server.withoutLogprobs.toFixed(0)} tok/s`,
    ),
    row(
      '7b',
      'Local engine in its worker thread, via HTTP, top-5 logprobs',
      inThread.withLogprobs,
      `${common}; in-process: ${report.server.withLogprobs.toFixed(0)} tok/s; engine alone: ${report.engine.withLogprobs.toFixed(0)} tok/s with logprobs, ${report.engine.withoutLogprobs.toFixed(0)} without`,
    ),
  ];
}
