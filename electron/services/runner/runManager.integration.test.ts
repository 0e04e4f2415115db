import { unpackTokens } from '@shared/logprobs/packedTokens';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventPayload } from '@shared/contracts/api';
import type { Profile } from '@shared/contracts/profiles';
import type { ErrorKind, RunStartInput } from '@shared/contracts/runs';
import { startFakeGateway, type FakeGateway } from '../../../e2e/fake-gateway/server';
import { recordingClient, type RecordedEvent } from '../testing/runHarness';
import { createRunManager, type RunManager } from './runManager';

/** The runner against the fake Bifrost over loopback: real fetch, real sockets, real SSE. */
const KEY = 'vk-integration-secret-9137';
const MODEL = 'openai/gpt-3.5-turbo-instruct';

let gateway: FakeGateway;
let manager: RunManager;
let profiles: Map<string, Profile>;
let counter = 0;
const allEvents: RecordedEvent[] = [];

const bifrost = (extra: Partial<Profile> = {}): Profile => ({
  id: `bf-${++counter}`,
  name: 'Fake Bifrost',
  kind: 'bifrost',
  baseUrl: gateway.url,
  endpoint: '/v1/completions',
  headers: {},
  ...extra,
});

async function run(profile: Profile, params: Partial<RunStartInput['params']>) {
  profiles.set(profile.id, profile);
  const client = recordingClient(`client-${counter}`);
  const runId = `run-${++counter}`;
  const started = await manager.start(
    {
      runId,
      profileId: profile.id,
      params: { model: MODEL, prompt: 'Once upon a time', seed: 7, stream: true, ...params },
    },
    client,
  );
  const terminal = await client.terminal(runId);
  await manager.settled(runId, client.clientId);
  allEvents.push(...client.events);
  return { client, runId, started, terminal, events: client.of(runId), text: client.text(runId) };
}

const failedWith = (terminal: RecordedEvent) => {
  expect(terminal.name).toBe('run.failed');
  return (terminal.payload as EventPayload<'run.failed'>).error;
};
const summaryOf = (terminal: RecordedEvent) => (terminal.payload as EventPayload<'run.completed'>).summary;

/** What the gateway streams for this body, parsed by hand (independent of the runner). */
async function rawStreamText(body: string, headers: Record<string, string>): Promise<Record<number, string>> {
  const response = await fetch(`${gateway.url}/v1/completions`, { method: 'POST', headers, body });
  const text = await response.text();
  const parts: Record<number, string> = {};
  for (const frame of text.split('\n\n')) {
    const data = frame
      .split('\n')
      .find((line) => line.startsWith('data: '))
      ?.slice(6);
    if (!data || data === '[DONE]') continue;
    for (const choice of (JSON.parse(data) as { choices: Array<{ index: number; text?: string }> }).choices) {
      parts[choice.index] = (parts[choice.index] ?? '') + (choice.text ?? '');
    }
  }
  return parts;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  gateway = await startFakeGateway({ requiredKey: KEY });
  profiles = new Map();
  manager = createRunManager({
    fetch: (url, init) => fetch(url, init),
    resolveProfile: (id) => profiles.get(id),
    resolveKey: () => KEY,
  });
});

afterAll(async () => {
  await manager.dispose();
  await gateway.close();
  // The key never appears in anything any run emitted.
  expect(allEvents.length).toBeGreaterThan(50);
  expect(JSON.stringify(allEvents)).not.toContain(KEY);
});

describe('runner ↔ fake gateway: success', () => {
  it('streams: text = concatenated deltas, usage, routing headers, timing, seq order', async () => {
    const { terminal, events, text } = await run(bifrost(), { max_tokens: 24 });
    expect(terminal.name).toBe('run.completed');
    const sent = gateway.requests.at(-1)!;
    expect(sent.headers['x-bf-vk']).toBe(KEY);
    expect(text).toEqual(
      await rawStreamText(sent.body, { 'content-type': 'application/json', 'x-bf-vk': KEY }),
    );
    expect(text[0]?.length).toBeGreaterThan(10);
    expect(events.map((e) => e.payload.seq)).toEqual(events.map((_, i) => i));
    expect(events[0]?.name).toBe('run.responded');
    expect(events.filter((e) => e.name === 'run.batch').length).toBeLessThan(24);
    const summary = summaryOf(terminal);
    expect(summary).toMatchObject({
      choices: [{ index: 0, finishReason: 'length' }],
      usage: { completionTokens: 24 },
      streamed: true,
      routing: {
        provider: 'openai',
        model: 'gpt-3.5-turbo-instruct',
        requestedModel: 'gpt-3.5-turbo-instruct',
      },
    });
    expect(summary.routing.requestId).toBeTruthy();
    expect(summary.routing.headers['x-bifrost-request-type']).toBe('text_completion_stream');
    expect(summary.routing.extraFields).toMatchObject({ request_type: 'text_completion_stream' });
    const { ttfbMs, ttftMs, totalMs, tokensPerSecond } = summary.timing;
    expect(ttfbMs).toBeGreaterThanOrEqual(0);
    expect(ttftMs).toBeGreaterThanOrEqual(ttfbMs ?? 0);
    expect(totalMs).toBeGreaterThanOrEqual(ttftMs ?? 0);
    expect(tokensPerSecond === null || tokensPerSecond > 0).toBe(true);
  });

  it('non-streamed: one JSON body, same text as the body, usage', async () => {
    const { terminal, text } = await run(bifrost(), { stream: false, max_tokens: 12 });
    expect(terminal.name).toBe('run.completed');
    const sent = gateway.requests.at(-1)!;
    const raw = (await (
      await fetch(`${gateway.url}/v1/completions`, {
        method: 'POST',
        headers: { 'x-bf-vk': KEY },
        body: sent.body,
      })
    ).json()) as { choices: Array<{ text: string }> };
    expect(text).toEqual({ 0: raw.choices[0]?.text });
    expect(summaryOf(terminal)).toMatchObject({ streamed: false, usage: { completionTokens: 12 } });
  });

  it('reports the fallback that served when the primary fails with 503', async () => {
    const { terminal, events } = await run(bifrost(), { model: 'fail/503', fallbacks: [MODEL] });
    expect(terminal.name).toBe('run.completed');
    expect(events[0]?.payload).toMatchObject({
      status: 200,
      routing: { fallbackIndex: 1, isFallback: true },
    });
    expect(summaryOf(terminal).routing).toMatchObject({
      fallbackIndex: 1,
      isFallback: true,
      provider: 'openai',
      requestedProvider: 'fail',
    });
  });

  it('demultiplexes n=2 and several prompts by choice index', async () => {
    const { terminal, text } = await run(bifrost(), { n: 2, prompt: ['A', 'B'], max_tokens: 8 });
    expect(terminal.name).toBe('run.completed');
    const sent = gateway.requests.at(-1)!;
    expect(text).toEqual(
      await rawStreamText(sent.body, { 'content-type': 'application/json', 'x-bf-vk': KEY }),
    );
    expect(Object.keys(text)).toEqual(['0', '1', '2', '3']);
    expect(summaryOf(terminal).choices.map((c) => c.index)).toEqual([0, 1, 2, 3]);
  });

  it.each([
    ['legacy logprobs', MODEL, false],
    ['content[] logprobs', 'openai/gpt-content-logprobs', true],
    ['log_probs key', 'openai/gpt-log-probs-key', false],
  ])('puts %s into token columns that spell the text', async (_label, model, hasBytes) => {
    const { terminal, events, text } = await run(bifrost(), { model, logprobs: 2, max_tokens: 10 });
    expect(terminal.name).toBe('run.completed');
    const batches = events
      .filter((e) => e.name === 'run.batch')
      .map((e) => e.payload as EventPayload<'run.batch'>);
    const columns = batches.flatMap((b) => (b.tokens ? [unpackTokens(b.tokens)] : []));
    const tokens = columns.flatMap((c) => c.token);
    const logprobs = columns.flatMap((c) => c.logprob);
    const tops = columns.flatMap((c) => c.top);
    expect(tokens.join('')).toBe(text[0]);
    expect(tokens.length).toBe(10);
    expect(logprobs.every((l) => typeof l === 'number' && l <= 0)).toBe(true);
    expect(tops.every((t) => t !== null && t.length >= 1)).toBe(true);
    expect(columns.some((c) => c.bytes !== undefined)).toBe(hasBytes);
  });

  it('sends the key as Authorization: Bearer for openai profiles', async () => {
    const { terminal } = await run(bifrost({ kind: 'openai', endpoint: '/openai/v1/completions' }), {
      max_tokens: 4,
    });
    expect(terminal.name).toBe('run.completed');
    const sent = gateway.requests.at(-1)!;
    expect(sent.path).toBe('/openai/v1/completions');
    expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent.headers['x-bf-vk']).toBeUndefined();
  });
});

describe('runner ↔ fake gateway: stop', () => {
  it('Stop mid-stream: aborted at once, nothing after, the gateway sees the connection close', async () => {
    const profile = bifrost({ headers: { 'x-fake-tokens-per-second': '40' } });
    profiles.set(profile.id, profile);
    const client = recordingClient('stopper');
    const params = { model: MODEL, prompt: 'p', stream: true, max_tokens: 400 };
    await manager.start({ runId: 'stop-me', profileId: profile.id, params }, client);
    await vi.waitFor(() => expect(client.text('stop-me')[0]?.length ?? 0).toBeGreaterThan(0), {
      timeout: 3000,
    });
    expect(gateway.openResponses()).toBe(1);
    expect(manager.stop('stop-me', 'stopper')).toBe(true);
    const terminal = await client.terminal('stop-me');
    expect(terminal.name).toBe('run.aborted');
    expect(summaryOf(terminal).choices).toEqual([{ index: 0, finishReason: null }]);
    const count = client.events.length;
    await vi.waitFor(() => expect(gateway.openResponses()).toBe(0), { timeout: 2000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(client.events.length).toBe(count);
    expect(client.events.at(-1)?.name).toBe('run.aborted');
    allEvents.push(...client.events);
  });
});

describe('runner ↔ fake gateway: failures', () => {
  it.each<[string, ErrorKind, Record<string, unknown>]>([
    ['401', 'auth', { status: 401, code: 'invalid_api_key' }],
    ['403', 'forbidden', { status: 403 }],
    ['404', 'not_found', { status: 404 }],
    ['400', 'bad_request', { status: 400, param: 'temperature' }],
    ['402', 'payment_required', { status: 402 }],
    ['429', 'rate_limited', { status: 429, retryAfterSeconds: 7 }],
    ['500', 'server_error', { status: 500 }],
    ['503', 'server_error', { status: 503 }],
    ['html', 'server_error', { status: 502 }],
  ])('fail/%s → %s', async (mode, kind, fields) => {
    const { terminal, events } = await run(bifrost(), { model: `fail/${mode}` });
    expect(failedWith(terminal)).toMatchObject({ kind, ...fields, url: `${gateway.url}/v1/completions` });
    expect(events.map((e) => e.name)).toEqual(['run.responded', 'run.failed']);
    if (mode === 'html') expect(failedWith(terminal).message).toMatch(/HTML/);
  });

  it.each([['html-200'], ['non-json']])(
    'fail/%s (2xx that is not a completion) → invalid_response',
    async (mode) => {
      const { terminal } = await run(bifrost(), { model: `fail/${mode}` });
      expect(failedWith(terminal)).toMatchObject({ kind: 'invalid_response' });
    },
  );

  it.each<[string, ErrorKind, RegExp]>([
    ['midstream', 'stream_error', /upstream connection reset/],
    ['event-error', 'stream_error', /stream interceptor failed/],
    ['truncated', 'truncated', /may be incomplete/],
    ['drop', 'truncated', /connection closed/],
  ])('fail/%s → %s, keeping the 3 chunks that arrived', async (mode, kind, message) => {
    // A short stall limit: should the gateway hold the connection instead of dropping it, this fails fast.
    const { terminal, text } = await run(bifrost({ stallTimeoutMs: 2000 }), { model: `fail/${mode}` });
    const error = failedWith(terminal);
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
    expect(text[0]?.length).toBeGreaterThan(0);
    if (kind === 'truncated') expect(error.title).toBe('The stream ended early');
  });

  it('fail/no-first-byte → first_byte_timeout after the profile limit', async () => {
    const started = Date.now();
    const { terminal, events } = await run(bifrost({ firstByteTimeoutMs: 300 }), {
      model: 'fail/no-first-byte',
    });
    expect(failedWith(terminal).kind).toBe('first_byte_timeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(events.map((e) => e.name)).toEqual(['run.failed']);
    await vi.waitFor(() => expect(gateway.openResponses()).toBe(0), { timeout: 2000 });
  });

  it('fail/stall → stall_timeout, keeping the text', async () => {
    const { terminal, text } = await run(bifrost({ stallTimeoutMs: 300 }), { model: 'fail/stall' });
    expect(failedWith(terminal).kind).toBe('stall_timeout');
    expect(text[0]?.length).toBeGreaterThan(0);
    await vi.waitFor(() => expect(gateway.openResponses()).toBe(0), { timeout: 2000 });
  });

  it('a socket destroyed mid-stream by a plain HTTP server → truncated, keeping the text', async () => {
    const server = createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(
        `data: ${JSON.stringify({ choices: [{ index: 0, text: ' partial', finish_reason: null }] })}\n\n`,
      );
      setTimeout(() => res.destroy(), 20);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const { terminal, text } = await run(bifrost({ baseUrl: `http://127.0.0.1:${port}` }), {});
      expect(failedWith(terminal)).toMatchObject({ kind: 'truncated' });
      expect(text).toEqual({ 0: ' partial' });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('connection refused (closed port)', async () => {
    const port = await closedPort();
    const { terminal } = await run(bifrost({ baseUrl: `http://127.0.0.1:${port}` }), {});
    expect(failedWith(terminal)).toMatchObject({
      kind: 'connection_refused',
      title: `No gateway at http://127.0.0.1:${port}`,
    });
  });

  it('DNS failure (.invalid host)', async () => {
    const { terminal } = await run(bifrost({ baseUrl: 'http://no-such-host.invalid' }), {});
    expect(failedWith(terminal)).toMatchObject({ kind: 'dns' });
  });

  it('TLS failure (https to a plain-HTTP port)', async () => {
    const { terminal } = await run(bifrost({ baseUrl: `https://127.0.0.1:${gateway.port}` }), {});
    expect(failedWith(terminal)).toMatchObject({ kind: 'tls' });
  });
});
