import { resolve } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_MODEL, testModelMissing } from '../localEngine/testing/testModel';
import { startEngineInChild } from './engineChildClient';
import type { LocalServer } from './localEngines';
import { workerThreadChild } from './workerThreadChild';

const missing = testModelMissing('the worker-thread engine test');
const ENTRY = resolve(import.meta.dirname, 'localEngineHost.ts');
const BOOTSTRAP = resolve(import.meta.dirname, 'testing/tsWorkerBootstrap.mjs');
const logged: string[] = [];
// The entry is TypeScript: the worker loads it through tsx, as the built app loads the bundled JS.
const spawn = () => workerThreadChild(BOOTSTRAP, (line) => logged.push(line), { entry: ENTRY });

describe.skipIf(missing)('the built-in engine in a worker thread (stories260K)', () => {
  const started: LocalServer[] = [];
  afterAll(async () => Promise.all(started.map((server) => server.close())));

  it('loads the model off the main thread, serves completions there, and ends the thread on close', async () => {
    const server = await startEngineInChild(spawn(), { modelPath: TEST_MODEL, threads: 1 });
    started.push(server);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    expect(server.where).toEqual({ pid: process.pid, threadId: expect.any(Number) });
    expect(server.where?.threadId).not.toBe(threadId);
    const response = await fetch(`${server.url}/v1/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'stories260K',
        prompt: 'Once upon a time',
        max_tokens: 48,
        seed: 1,
        logprobs: 2,
      }),
    });
    const body = (await response.json()) as {
      choices: { text: string; logprobs: { tokens: string[]; top_logprobs: Record<string, number>[] } }[];
    };
    expect(response.status).toBe(200);
    expect(body.choices[0]!.text.length).toBeGreaterThan(0);
    expect(body.choices[0]!.logprobs.tokens.length).toBeGreaterThan(0);
    expect(Object.keys(body.choices[0]!.logprobs.top_logprobs[0]!)).toHaveLength(2);

    await server.close();
    await expect(server.exited).resolves.toBeUndefined();
    await expect(fetch(`${server.url}/v1/models`)).rejects.toThrow();
  }, 60_000);

  it('says why when the file is not a model, and the thread ends', async () => {
    const server = startEngineInChild(spawn(), {
      modelPath: resolve(import.meta.dirname, 'localEngines.ts'),
      threads: 1,
    });
    await expect(server).rejects.toThrow(/Invalid GGUF magic/);
  }, 60_000);
});
