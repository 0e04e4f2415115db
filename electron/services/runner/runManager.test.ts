import { unpackTokens } from '@shared/logprobs/packedTokens';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEY_PLACEHOLDER } from '@shared/completions/buildRequest';
import type { EventPayload } from '@shared/contracts/api';
import type { Profile } from '@shared/contracts/profiles';
import type { RunStartInput } from '@shared/contracts/runs';
import { controlledResponse, recordingClient, sseChunk } from '../testing/runHarness';
import type { FetchLike } from './launchRun';
import { createRunManager, type RunManagerOptions } from './runManager';

const KEY = 'sk-unit-secret-4242';
const profile: Profile = {
  id: 'p1',
  name: 'P',
  kind: 'bifrost',
  baseUrl: 'http://gateway.test',
  endpoint: '/v1/completions',
  headers: {},
};
const input = (runId: string, params: Partial<RunStartInput['params']> = {}): RunStartInput => ({
  runId,
  profileId: 'p1',
  params: { model: 'openai/m', prompt: 'Hello', stream: true, ...params },
});

type Call = { url: string; init: Parameters<FetchLike>[1] };

function setup(fetchImpl: (call: Call) => Promise<Response>, extra: Partial<RunManagerOptions> = {}) {
  const calls: Call[] = [];
  const fetch: FetchLike = (url, init) => {
    const call = { url, init };
    calls.push(call);
    return fetchImpl(call);
  };
  const manager = createRunManager({
    fetch,
    resolveProfile: (id) => (id === profile.id ? profile : undefined),
    resolveKey: async () => KEY,
    ...extra,
  });
  return { manager, calls, client: recordingClient() };
}

/** A fetch that waits for the signal and rejects like undici does on abort. */
const hangingFetch = (call: Call) =>
  new Promise<Response>((_resolve, reject) => {
    call.init.signal.addEventListener('abort', () =>
      reject(new DOMException('This operation was aborted', 'AbortError')),
    );
  });

const seqs = (events: Array<{ payload: { seq?: number } }>) => events.map((e) => e.payload.seq);

afterEach(() => {
  vi.useRealTimers();
});

describe('createRunManager: streaming', () => {
  it('emits responded, batches and one completed, with seq 0,1,2,… and the text per choice', async () => {
    const stream = controlledResponse({
      headers: { 'x-bifrost-provider': 'openai', 'x-bifrost-request-id': 'req-1' },
    });
    const { manager, client, calls } = setup(async () => stream.response);
    const { request } = await manager.start(input('r1', { n: 2 }), client);
    expect(request.headers['x-bf-vk']).toBe(KEY_PLACEHOLDER);
    expect(calls[0]?.init.headers['x-bf-vk']).toBe(KEY);
    stream.push(': heartbeat\n');
    stream.push(sseChunk(0, ' café'));
    stream.push(sseChunk(1, ' naïve'));
    stream.push(sseChunk(0, ' 🙂'));
    stream.push(
      `data: ${JSON.stringify({
        id: 'cmpl-1',
        choices: [
          { index: 0, finish_reason: 'length' },
          { index: 1, finish_reason: 'stop' },
        ],
        usage: { prompt_tokens: 1, completion_tokens: 3, total_tokens: 4 },
        extra_fields: { provider: 'openai', routing_info: { model: 'm-resolved' } },
      })}\n\n`,
    );
    stream.push('data: [DONE]\n\n');
    const terminal = await client.terminal('r1');
    expect(terminal.name).toBe('run.completed');
    const events = client.of('r1');
    expect(seqs(events)).toEqual(events.map((_, i) => i));
    expect(events[0]?.name).toBe('run.responded');
    expect(
      events.filter((e) => e.name.startsWith('run.') && e.name !== 'run.batch').map((e) => e.name),
    ).toEqual(['run.responded', 'run.completed']);
    expect(client.text('r1')).toEqual({ 0: ' café 🙂', 1: ' naïve' });
    const summary = (terminal.payload as EventPayload<'run.completed'>).summary;
    expect(summary).toMatchObject({
      choices: [
        { index: 0, finishReason: 'length' },
        { index: 1, finishReason: 'stop' },
      ],
      usage: { promptTokens: 1, completionTokens: 3, totalTokens: 4 },
      responseId: 'cmpl-1',
      streamed: true,
      routing: { provider: 'openai', requestId: 'req-1', model: 'm-resolved' },
    });
    const finished = events.flatMap((e) =>
      e.name === 'run.batch' ? ((e.payload as EventPayload<'run.batch'>).finished ?? []) : [],
    );
    expect(finished).toEqual(summary.choices);
    expect(manager.activeCount()).toBe(0);
    expect(JSON.stringify(client.events)).not.toContain(KEY);
  });

  it('coalesces a burst of 200 chunks into a few batches (never one per token)', async () => {
    const stream = controlledResponse();
    const { manager, client } = setup(async () => stream.response);
    await manager.start(input('r1'), client);
    let all = '';
    for (let i = 0; i < 200; i++) all += sseChunk(0, `t${i} `);
    stream.push(all + sseChunk(0, '', 'length') + 'data: [DONE]\n\n');
    await client.terminal('r1');
    const batches = client.of('r1').filter((e) => e.name === 'run.batch');
    expect(batches.length).toBeLessThanOrEqual(2);
    expect(client.text('r1')[0]).toBe(Array.from({ length: 200 }, (_, i) => `t${i} `).join(''));
  });

  it('decodes a stream delivered one byte at a time (split inside UTF-8 characters)', async () => {
    const stream = controlledResponse();
    const { manager, client } = setup(async () => stream.response);
    await manager.start(input('r1'), client);
    const bytes = new TextEncoder().encode(
      sseChunk(0, ' café') + sseChunk(0, ' 🙂 naïve') + sseChunk(0, '', 'stop') + 'data: [DONE]\n\n',
    );
    for (let i = 0; i < bytes.length; i++) stream.push(bytes.subarray(i, i + 1));
    expect((await client.terminal('r1')).name).toBe('run.completed');
    expect(client.text('r1')).toEqual({ 0: ' café 🙂 naïve' });
  });

  it('a stream with a finish_reason but no [DONE] completes; one without any finish_reason is truncated', async () => {
    const ok = controlledResponse();
    const cut = controlledResponse();
    const responses = [ok, cut];
    const { manager, client } = setup(async () => responses.shift()!.response);
    await manager.start(input('ok'), client);
    ok.push(sseChunk(0, ' a', 'stop'));
    ok.close();
    expect((await client.terminal('ok')).name).toBe('run.completed');
    await manager.start(input('cut'), client);
    cut.push(sseChunk(0, ' partial'));
    cut.push('data: [DONE]\n\n');
    const terminal = await client.terminal('cut');
    expect(terminal.payload).toMatchObject({ error: { kind: 'truncated', title: 'The stream ended early' } });
    expect(client.text('cut')).toEqual({ 0: ' partial' });
  });

  it('a connection that breaks mid-stream keeps the partial text and is reported as truncated', async () => {
    const stream = controlledResponse();
    const { manager, client } = setup(async () => stream.response);
    await manager.start(input('r1'), client);
    stream.push(sseChunk(0, ' so far'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    stream.fail(Object.assign(new TypeError('terminated'), { cause: { code: 'UND_ERR_SOCKET' } }));
    const terminal = await client.terminal('r1');
    expect(terminal.payload).toMatchObject({ error: { kind: 'truncated' } });
    expect((terminal.payload as EventPayload<'run.failed'>).error.message).toMatch(/connection closed/);
    expect(client.text('r1')).toEqual({ 0: ' so far' });
  });

  it('an error frame mid-stream fails the run with the frame redacted, after the text so far', async () => {
    const stream = controlledResponse();
    const { manager, client } = setup(async () => stream.response);
    await manager.start(input('r1'), client);
    stream.push(sseChunk(0, ' before'));
    stream.push(`data: {"status_code":500,"error":{"message":"upstream reset, key ${KEY}"}}\n\n`);
    stream.push(sseChunk(0, ' after'));
    const terminal = await client.terminal('r1');
    expect(terminal.payload).toMatchObject({ error: { kind: 'stream_error' } });
    expect(client.text('r1')).toEqual({ 0: ' before' });
    const names = client.of('r1').map((e) => e.name);
    expect(names.at(-1)).toBe('run.failed');
    expect(JSON.stringify(client.events)).not.toContain(KEY);
    expect(JSON.stringify(terminal.payload)).toContain('<redacted>');
  });
});

describe('createRunManager: stop, timeouts, robustness', () => {
  it('stop aborts the request at once, flushes pending text first, and nothing follows', async () => {
    const stream = controlledResponse();
    const { manager, client, calls } = setup(async () => stream.response, { flushIntervalMs: 10_000 });
    await manager.start(input('r1'), client);
    stream.push(sseChunk(0, ' one'));
    await vi.waitFor(() => expect(client.of('r1').some((e) => e.name === 'run.batch')).toBe(true));
    stream.push(sseChunk(0, ' two'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(manager.stop('r1', 'client-1')).toBe(true);
    expect(calls[0]?.init.signal.aborted).toBe(true);
    const names = client.of('r1').map((e) => e.name);
    expect(names.slice(-2)).toEqual(['run.batch', 'run.aborted']);
    expect(client.text('r1')).toEqual({ 0: ' one two' });
    expect(manager.stop('r1', 'client-1')).toBe(false);
    await manager.settled('r1', 'client-1');
    expect(client.of('r1').map((e) => e.name)).toEqual(names);
    expect(seqs(client.of('r1'))).toEqual(names.map((_, i) => i));
  });

  it('only the client that started a run can stop it', async () => {
    const { manager, client } = setup(hangingFetch);
    await manager.start(input('r1'), client);
    expect(manager.stop('r1', 'someone-else')).toBe(false);
    expect(manager.stop('r1', 'client-1')).toBe(true);
  });

  it('fails with first_byte_timeout when no response arrives in time', async () => {
    vi.useFakeTimers();
    const { manager, client, calls } = setup(hangingFetch, { now: () => Date.now() });
    await manager.start(input('r1'), client);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(client.events).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    const terminal = await client.terminal('r1');
    expect(terminal.payload).toMatchObject({ error: { kind: 'first_byte_timeout' } });
    expect(calls[0]?.init.signal.aborted).toBe(true);
    await manager.settled('r1', 'client-1');
    expect(client.events).toHaveLength(1);
  });

  it('fails with stall_timeout after silence; heartbeats count as activity', async () => {
    vi.useFakeTimers();
    const stream = controlledResponse();
    const { manager, client } = setup(async () => stream.response, { now: () => Date.now() });
    await manager.start(input('r1'), client);
    stream.push(sseChunk(0, ' x'));
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(20_000);
      stream.push(': heartbeat\n');
    }
    expect(client.of('r1').some((e) => e.name === 'run.failed')).toBe(false);
    await vi.advanceTimersByTimeAsync(30_000);
    const terminal = await client.terminal('r1');
    expect(terminal.payload).toMatchObject({ error: { kind: 'stall_timeout' } });
    expect(client.text('r1')).toEqual({ 0: ' x' });
    expect(stream.cancelled).toBe(true);
  });

  it('uses the profile timeouts', async () => {
    vi.useFakeTimers();
    const { manager, client } = setup(hangingFetch, {
      now: () => Date.now(),
      resolveProfile: () => ({ ...profile, firstByteTimeoutMs: 300 }),
    });
    await manager.start(input('r1'), client);
    await vi.advanceTimersByTimeAsync(300);
    expect((await client.terminal('r1')).payload).toMatchObject({ error: { kind: 'first_byte_timeout' } });
  });

  it('turns anything that throws into one run.failed', async () => {
    const broken = {
      ok: true,
      status: 200,
      headers: {
        forEach: () => {
          throw new Error('boom');
        },
      },
    } as unknown as Response;
    const { manager, client } = setup(async () => broken);
    await manager.start(input('r1'), client);
    const terminal = await client.terminal('r1');
    expect(terminal.payload).toMatchObject({ error: { kind: 'unknown', message: 'Internal error: boom' } });
    expect(client.events).toHaveLength(1);
  });

  it('survives an emit that throws', async () => {
    const stream = controlledResponse();
    const { manager, client } = setup(async () => stream.response);
    const events: string[] = [];
    const throwing = {
      ...client,
      emit: (name: string) => {
        events.push(name);
        throw new Error('destroyed');
      },
    };
    await manager.start(input('r1'), throwing as typeof client);
    stream.push(sseChunk(0, ' a', 'stop') + 'data: [DONE]\n\n');
    await manager.settled('r1', 'client-1');
    expect(events.at(-1)).toBe('run.completed');
    expect(manager.activeCount()).toBe(0);
  });

  it('refuses a duplicate running id, unknown profiles and invalid params, emitting nothing', async () => {
    const { manager, client, calls } = setup(hangingFetch);
    await manager.start(input('r1'), client);
    await expect(manager.start(input('r1'), client)).rejects.toThrow(/already running/);
    await expect(manager.start({ ...input('r2'), profileId: 'nope' }, client)).rejects.toThrow(
      /Unknown profile: nope/,
    );
    await expect(manager.start(input('r3', { n: 3, best_of: 2 }), client)).rejects.toThrow(/best_of/);
    // Another client may use the same id.
    const other = recordingClient('client-2');
    await manager.start(input('r1'), other);
    expect(calls).toHaveLength(2);
    expect(manager.activeCount()).toBe(2);
    manager.stopAllFor('client-1');
    expect(manager.activeCount()).toBe(1);
    await manager.dispose();
    expect(manager.activeCount()).toBe(0);
    expect(client.events).toEqual([]);
    expect(other.events).toEqual([]);
    expect(calls.every((c) => c.init.signal.aborted)).toBe(true);
    await expect(manager.start(input('r9'), client)).rejects.toThrow(/shutting down/);
  });

  it('a finished id can be used again', async () => {
    const responses = [controlledResponse(), controlledResponse()];
    const { manager, client } = setup(async () => responses[0]!.response);
    await manager.start(input('r1'), client);
    manager.stop('r1', 'client-1');
    await expect(manager.start(input('r1'), client)).resolves.toMatchObject({ runId: 'r1' });
  });
});

describe('createRunManager: non-streamed and HTTP errors', () => {
  it('a JSON completion becomes one batch and run.completed (streamed: false)', async () => {
    const body = {
      id: 'cmpl-2',
      model: 'm',
      choices: [
        { index: 1, text: ' two', finish_reason: 'stop' },
        {
          index: 0,
          text: ' one',
          finish_reason: 'length',
          logprobs: {
            tokens: [' one'],
            token_logprobs: [-0.1],
            top_logprobs: [{ ' one': -0.1 }],
            text_offset: [5],
          },
        },
      ],
      usage: { prompt_tokens: 2, completion_tokens: 2, total_tokens: 4 },
    };
    const { manager, client } = setup(async () => Response.json(body));
    await manager.start(input('r1', { stream: false, n: 2, logprobs: 1 }), client);
    const terminal = await client.terminal('r1');
    expect(terminal.name).toBe('run.completed');
    expect(client.of('r1').map((e) => e.name)).toEqual(['run.responded', 'run.batch', 'run.completed']);
    const batch = client.of('r1')[1]?.payload as EventPayload<'run.batch'>;
    expect(batch.text).toEqual({ choice: [0, 1], delta: [' one', ' two'] });
    expect(batch.tokens && unpackTokens(batch.tokens)).toMatchObject({
      choice: [0],
      token: [' one'],
      logprob: [-0.1],
      offset: [5],
    });
    expect((terminal.payload as EventPayload<'run.completed'>).summary).toMatchObject({
      streamed: false,
      responseId: 'cmpl-2',
    });
  });

  it('a non-2xx response is classified, with the body redacted and capped at 1 MiB', async () => {
    const huge = JSON.stringify({
      error: { message: `bad key ${KEY}`, type: 'authentication_error' },
      pad: 'x'.repeat(2 * 1024 * 1024),
    });
    const { manager, client } = setup(
      async () => new Response(huge, { status: 401, headers: { 'content-type': 'application/json' } }),
    );
    await manager.start(input('r1'), client);
    const terminal = await client.terminal('r1');
    expect(client.of('r1').map((e) => e.name)).toEqual(['run.responded', 'run.failed']);
    expect(client.of('r1')[0]?.payload).toMatchObject({ status: 401 });
    const error = (terminal.payload as EventPayload<'run.failed'>).error;
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect(JSON.stringify(client.events)).not.toContain(KEY);
  });

  it('does not follow redirects (the key header would follow them)', async () => {
    const { manager, client, calls } = setup(
      async () =>
        new Response(null, { status: 307, headers: { location: 'https://elsewhere.test/v1/completions' } }),
    );
    await manager.start(input('r1'), client);
    const terminal = await client.terminal('r1');
    expect(calls[0]?.init.redirect).toBe('manual');
    expect(terminal.payload).toMatchObject({
      error: { kind: 'invalid_response', status: 307, title: 'The server redirected the request' },
    });
    expect((terminal.payload as EventPayload<'run.failed'>).error.message).toContain(
      'https://elsewhere.test',
    );
  });

  it('a 200 body that is not JSON is an invalid response', async () => {
    const { manager, client } = setup(
      async () => new Response('OK', { headers: { 'content-type': 'text/plain' } }),
    );
    await manager.start(input('r1'), client);
    expect((await client.terminal('r1')).payload).toMatchObject({ error: { kind: 'invalid_response' } });
  });

  it('a network failure is classified (connection refused)', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' },
    });
    const { manager, client } = setup(async () => Promise.reject(refused));
    await manager.start(input('r1'), client);
    const terminal = await client.terminal('r1');
    expect(terminal.payload).toMatchObject({
      error: { kind: 'connection_refused', title: 'No gateway at http://gateway.test' },
    });
    expect((terminal.payload as EventPayload<'run.failed'>).summary.timing.ttfbMs).toBeNull();
  });
});
