// Fuzz tests of the browser-mode WebSocket: a real host started in-process gets random frames (text,
// binary, broken envelopes, hostile JSON) and must answer each addressable one with an error that
// names the problem, ignore the rest, stay up, and serve a valid call afterwards.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { routes } from '@shared/contracts/api';
import { wsClientMessageSchema, wsHostMessageSchema, type WsHostMessage } from '@shared/contracts/wire';
import { startWebHost, type WebHost } from './host';
import { createFakeServices } from './testing/fakeServices';

const TIME_LIMIT_MS = 4000;
const ANSWER_MS = 5000;
/** Ids of the frames the test can address; a valid probe call uses ids above. */
const PROBE_BASE = 1_000_000;

interface Connection {
  ws: WebSocket;
  /** Every message the host sent, in order. */
  received: WsHostMessage[];
  closed: boolean;
  /** Resolves with the messages received up to and including the reply to `id`. */
  until(id: number): Promise<WsHostMessage[]>;
}

function connect(host: WebHost): Promise<Connection> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, {
    origin: `http://127.0.0.1:${host.port}`,
  });
  let waiter: { id: number; resolve: (messages: WsHostMessage[]) => void } | undefined;
  let mark = 0;
  const connection: Connection = {
    ws,
    received: [],
    closed: false,
    until(id) {
      const done = (): WsHostMessage[] | undefined => {
        const at = connection.received.findIndex((m, i) => i >= mark && m.type === 'reply' && m.id === id);
        if (at < 0) return undefined;
        const slice = connection.received.slice(mark, at + 1);
        mark = at + 1;
        return slice;
      };
      const now = done();
      if (now) return Promise.resolve(now);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no reply to ${id} within ${ANSWER_MS} ms`)),
          ANSWER_MS,
        );
        waiter = {
          id,
          resolve: () => {
            clearTimeout(timer);
            resolve(done() ?? []);
          },
        };
      });
    },
  };
  ws.on('message', (data, isBinary) => {
    expect(isBinary).toBe(false);
    // Every host message is valid JSON of the wire contract.
    connection.received.push(wsHostMessageSchema.parse(JSON.parse(String(data))));
    const last = connection.received.at(-1);
    if (waiter && last?.type === 'reply' && last.id === waiter.id) waiter.resolve([]);
  });
  ws.on('close', () => (connection.closed = true));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(connection));
    ws.once('error', reject);
  });
}

/** A frame to send and what the host must do with it. */
interface Frame {
  data: string | Uint8Array;
  binary: boolean;
  /** The id the host must answer (an addressable, valid-JSON frame), if any. */
  id?: number;
}

const routeNames = Object.keys(routes);
const UNIQUE = -12345;

const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(
    { $typed: 'Float64Array', data: '!!not base64!!' },
    { $typed: 'Uint8Array', data: 'A' },
    { runId: { $typed: 'Int32Array', data: 'AAAA' } },
    { profileId: 'x'.repeat(300_000) },
    { key: 'form', value: null },
  ),
);

/** `{type, id, name, input}` with any part broken; the id is UNIQUE (later made unique) or broken. */
const envelope = fc.record(
  {
    type: fc.oneof(fc.constant('invoke'), fc.constant('invoke'), fc.jsonValue({ maxDepth: 1 })),
    id: fc.oneof(
      fc.constant(UNIQUE),
      fc.constant(UNIQUE),
      fc.constantFrom<unknown>(-1, 1.5, '7', null, true, [], {}, Number.MAX_SAFE_INTEGER + 2),
    ),
    name: fc.oneof(
      fc.constantFrom(...routeNames),
      fc.string({ maxLength: 30 }),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    input: hostileJson,
  },
  { requiredKeys: [] },
);

const pollutingFrame = fc
  .constantFrom('__proto__', 'constructor', 'prototype')
  .map(
    (key) =>
      `{"type":"invoke","id":${UNIQUE},"name":"app.info","input":{"${key}":{"polluted":true}},"${key}":{"polluted":true}}`,
  );

const frame: fc.Arbitrary<Frame> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }).map((data) => ({ data, binary: false })),
  fc.string({ unit: 'binary', maxLength: 200 }).map((data) => ({ data, binary: false })),
  fc.uint8Array({ maxLength: 300 }).map((data) => ({ data, binary: true })),
  // Invalid UTF-8 sent as a text frame is a protocol error: tested separately (the socket closes).
  fc
    .constantFrom('', ' ', 'null', '[]', '{}', '"invoke"', '{"id":', 'x'.repeat(3 * 1024 * 1024))
    .map((data) => ({
      data,
      binary: false,
    })),
  envelope.map((value) => ({ data: JSON.stringify(value), binary: false })),
  pollutingFrame.map((data) => ({ data, binary: false })),
  // Input nested thousands deep (written as text: JSON.stringify would overflow the stack).
  fc.integer({ min: 100, max: 20_000 }).map((depth) => ({
    data: `{"type":"invoke","id":${UNIQUE},"name":"runs.stop","input":${'['.repeat(depth)}${']'.repeat(depth)}}`,
    binary: false,
  })),
);

/** Replaces the UNIQUE placeholder id with `id` (text frames only) and says whether the host must answer. */
function addressed(f: Frame, id: number): Frame {
  if (f.binary || typeof f.data !== 'string' || !f.data.includes(String(UNIQUE))) return f;
  const data = f.data.replace(`"id":${UNIQUE}`, `"id":${id}`);
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { ...f, data };
  }
  const hasId = typeof json === 'object' && json !== null && (json as { id?: unknown }).id === id;
  return hasId ? { data, binary: false, id } : { ...f, data };
}

describe('web host: hostile WebSocket frames', () => {
  let dir: string;
  let host: WebHost;
  let services: ReturnType<typeof createFakeServices>;
  const logged: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'host-fuzz-'));
    await mkdir(join(dir, 'renderer'), { recursive: true });
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>t</title>');
    services = createFakeServices();
    host = await startWebHost({
      services,
      rendererDir: join(dir, 'renderer'),
      port: 0,
      log: (message) => logged.push(message),
    });
  });

  afterAll(async () => {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers every addressable frame with an error naming the problem, ignores the rest, keeps serving', async () => {
    const connection = await connect(host);
    let nextId = 0;
    let probe = PROBE_BASE;
    const seen = { answered: 0, envelopeErrors: 0, ignored: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 8 }), async (frames) => {
        const sent = frames.map((f) => addressed(f, nextId++));
        for (const f of sent) connection.ws.send(f.data, { binary: f.binary });
        const probeId = probe++;
        connection.ws.send(JSON.stringify({ type: 'invoke', id: probeId, name: 'app.info', input: {} }));
        const messages = await connection.until(probeId);
        // The host is still serving: the probe got its normal answer.
        expect(messages.at(-1)).toMatchObject({
          type: 'reply',
          id: probeId,
          reply: { ok: true, output: { mode: 'web' } },
        });
        const replies = messages.slice(0, -1).filter((m) => m.type === 'reply');
        // The only events: the fake profiles.list's own (a valid call that happened to be generated).
        for (const m of messages) if (m.type === 'event') expect(m.event.name).toBe('profiles.changed');
        // Exactly the addressable frames were answered, once each.
        const expectedIds = sent.flatMap((f) => (f.id === undefined ? [] : [f.id])).sort((a, b) => a - b);
        const gotIds = replies.flatMap((m) => (m.type === 'reply' ? [m.id] : [])).sort((a, b) => a - b);
        expect(gotIds).toEqual(expectedIds);
        seen.answered += gotIds.length;
        seen.ignored += sent.length - gotIds.length;
        for (const f of sent) {
          if (f.id === undefined) continue;
          const answer = replies.find((m) => m.type === 'reply' && m.id === f.id);
          if (answer?.type !== 'reply' || answer.reply.ok) continue;
          const { message } = answer.reply.error;
          const json = JSON.parse(String(f.data)) as unknown;
          const envelopeCheck = wsClientMessageSchema.safeParse(json);
          if (!envelopeCheck.success) {
            // Names each wrong field of the envelope.
            expect(message).toMatch(/^Invalid message: /);
            seen.envelopeErrors++;
            for (const issue of envelopeCheck.error.issues)
              if (issue.path.length) expect(message).toContain(`${issue.path.join('.')}: `);
          } else {
            const { name } = envelopeCheck.data;
            expect(message).toMatch(
              new RegExp(
                `^(Unknown route: |Invalid input for ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: |not in this fake$)`,
              ),
            );
          }
        }
        expect(connection.closed).toBe(false);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 150, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
    expect(services.closed).toEqual([]);
    // The frames did exercise all three paths.
    expect(seen.answered).toBeGreaterThan(20);
    expect(seen.envelopeErrors).toBeGreaterThan(5);
    expect(seen.ignored).toBeGreaterThan(20);
    connection.ws.terminate();
  });

  it('a text frame that is not UTF-8 closes that socket cleanly (1007); the host serves a new one', async () => {
    const bad = await connect(host);
    const code = new Promise<number>((resolve) => bad.ws.once('close', (c) => resolve(c)));
    // ws validates UTF-8 in text frames; the host never sees the frame.
    bad.ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect(await code).toBe(1007);
    const good = await connect(host);
    good.ws.send(JSON.stringify({ type: 'invoke', id: 1, name: 'app.info', input: {} }));
    expect((await good.until(1)).at(-1)).toMatchObject({ reply: { ok: true } });
    good.ws.terminate();
  });
});
