// Fuzz test of the page's side of the browser-mode WebSocket: whatever the host sends (random text,
// damaged typed-array tags, envelopes of the wrong shape, replies to unknown ids, invalid events),
// the message handler never throws, says what it ignored, and a valid reply afterwards still
// resolves its call.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWsClient, type SocketLike } from './wsClient';

class FakeSocket implements SocketLike {
  sent: string[] = [];
  private handlers = new Map<string, Array<(event: { data: unknown }) => void>>();
  addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {}
  emit(type: 'open'): void {
    for (const handler of this.handlers.get(type) ?? []) handler({ data: undefined });
  }
  receive(data: unknown): void {
    for (const handler of this.handlers.get('message') ?? []) handler({ data });
  }
}

const appInfo = {
  mode: 'web',
  version: '1',
  keyStorage: { persistent: false, description: 'm' },
  warnings: [],
};

const typedTag = fc.record({
  $typed: fc.constantFrom('Int32Array', 'Uint8Array', 'Float32Array', 'Float64Array', 'Nope'),
  data: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('AAAA', 'AAAAAAAAAAA=', '====', '!!!!')),
});

const hostMessage = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc
    .record(
      {
        type: fc.constantFrom('reply', 'event', 'other'),
        // Never 0, the id of the test's own call.
        id: fc.oneof(
          fc.integer({ min: 1, max: 5 }),
          fc.integer({ min: -5, max: -1 }),
          fc.constant(1.5),
          fc.string({ maxLength: 3 }),
        ),
        reply: fc.oneof(
          fc.record({ ok: fc.boolean(), output: fc.jsonValue({ maxDepth: 2 }) }),
          fc.record({ ok: fc.constant(false), error: fc.jsonValue({ maxDepth: 2 }) }),
          fc.jsonValue({ maxDepth: 1 }),
        ),
        event: fc.record({
          name: fc.oneof(
            fc.constantFrom('run.batch', 'run.failed', 'profiles.changed', '__proto__'),
            fc.string(),
          ),
          payload: fc.oneof(
            fc.jsonValue({ maxDepth: 2 }),
            fc.record({ runId: fc.string(), tokens: typedTag }),
          ),
        }),
        tag: typedTag,
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  typedTag.map((tag) =>
    JSON.stringify({ type: 'event', event: { name: 'run.batch', payload: { tokens: tag } } }),
  ),
  fc.uint8Array({ maxLength: 20 }),
  fc.constantFrom<unknown>(null, undefined, 42, {}),
);

describe('browser-mode client: hostile host messages', () => {
  it('never throws, warns about what it ignores, and still resolves a valid reply afterwards', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostMessage, { maxLength: 10 }), async (messages) => {
        const socket = new FakeSocket();
        const warnings: string[] = [];
        const client = createWsClient({
          url: 'ws://x/api',
          createSocket: () => socket,
          warn: (m) => warnings.push(m),
        });
        socket.emit('open');
        const call = client.invoke('app.info', {});
        const { id } = JSON.parse(socket.sent.at(-1) ?? '{}') as { id: number };
        const events: unknown[] = [];
        client.on('run.batch', (payload) => events.push(payload));
        expect(id).toBe(0);
        for (const message of messages) expect(() => socket.receive(message)).not.toThrow();
        for (const warning of warnings) expect(warning).toMatch(/^Ignored (a|an|unknown) /);
        // Only payloads valid for run.batch reached its listener.
        expect(events).toEqual([]);
        socket.receive(JSON.stringify({ type: 'reply', id, reply: { ok: true, output: appInfo } }));
        await expect(call).resolves.toEqual(appInfo);
        expect(client.getStatus()).toBe('open');
      }),
      { numRuns: 300, interruptAfterTimeLimit: 3000 },
    );
  });
});
