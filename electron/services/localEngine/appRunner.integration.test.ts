import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '@shared/contracts/api';
import type { Profile } from '@shared/contracts/profiles';
import type { RunStartInput } from '@shared/contracts/runs';
import { unpackTokens } from '@shared/logprobs/packedTokens';
import { createRunManager, type RunManager } from '../runner/runManager';
import { recordingClient } from '../testing/runHarness';
import { startLocalEngineServer, type LocalEngineServer } from './engineServer';
import { TEST_MODEL, testModelMissing } from './testing/testModel';

/** The app's own runner (real fetch, SSE decoder, normaliser, token packing) against the local server. */
const MODEL = TEST_MODEL;
const missing = testModelMissing('the runner ↔ local engine tests');

describe.skipIf(missing)('runner ↔ local engine server', () => {
  let server: LocalEngineServer;
  let manager: RunManager;
  let profile: Profile;
  let counter = 0;

  beforeAll(async () => {
    server = await startLocalEngineServer({ modelPath: MODEL, threads: 1 });
    profile = {
      id: 'local-test',
      name: 'Local',
      kind: 'local',
      modelPath: MODEL,
      baseUrl: server.url,
      endpoint: '/v1/completions',
      headers: {},
    };
    manager = createRunManager({
      fetch: (url, init) => fetch(url, init),
      resolveProfile: (id) => (id === profile.id ? profile : undefined),
      resolveKey: () => server.token,
    });
  }, 30_000);
  afterAll(async () => {
    await manager?.dispose();
    await server?.close();
  });

  async function run(params: Partial<RunStartInput['params']>) {
    const client = recordingClient(`client-${++counter}`);
    const runId = `run-${counter}`;
    await manager.start(
      {
        runId,
        profileId: profile.id,
        params: { model: 'local/stories260K', prompt: 'Once upon a time', ...params },
      },
      client,
    );
    const terminal = await client.terminal(runId);
    await manager.settled(runId, client.clientId);
    const batches = client
      .of(runId)
      .filter((event) => event.name === 'run.batch')
      .map((event) => event.payload as EventPayload<'run.batch'>);
    const columns = batches.flatMap((batch) => (batch.tokens ? [unpackTokens(batch.tokens)] : []));
    return { terminal, text: client.text(runId), columns };
  }

  it.each([true, false])(
    'runs (stream %s) with echo and logprobs into token columns the heatmap reads',
    async (stream) => {
      const prompt = 'The café had a 🙂';
      const { terminal, text, columns } = await run({
        prompt,
        stream,
        echo: true,
        logprobs: 2,
        max_tokens: 8,
        seed: 3,
      });
      expect(terminal.name).toBe('run.completed');
      expect(text[0]?.startsWith(prompt)).toBe(true);
      expect(text[0]).not.toContain('\uFFFD');
      const logprobs = columns.flatMap((column) => column.logprob);
      const tops = columns.flatMap((column) => column.top);
      expect(logprobs[0]).toBeNull();
      expect(logprobs.slice(1).every((logprob) => typeof logprob === 'number' && logprob <= 0)).toBe(true);
      expect(tops.slice(1).every((top) => top !== null && top.length === 2)).toBe(true);
      const summary = (terminal.payload as EventPayload<'run.completed'>).summary;
      expect(summary.choices).toEqual([expect.objectContaining({ index: 0, finishReason: 'length' })]);
      expect(summary.usage).toMatchObject({ completionTokens: 8 });
    },
  );
});
