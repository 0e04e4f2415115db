// Fuzz tests of the router, the one entry point of every IPC / WebSocket call: hostile route names
// and inputs are refused with a message naming the route and the field, never reach a handler, never
// throw and never touch Object.prototype. Then the same against the real services.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRouteName, routes, type RouteName } from '@shared/contracts/api';
import type { InvokeReply } from '@shared/contracts/wire';
import { createAppServices } from './createAppServices';
import { createMemorySecretStore } from './keys/secretStore';
import { createRouter, type Handlers } from './router';
import type { FetchLike } from './runner/launchRun';
import { recordingClient } from './testing/runHarness';
import { anyHostileValue } from '@shared/testing/hostileValues';

const routeNames = Object.keys(routes) as RouteName[];
const TIME_LIMIT_MS = 3000;
const HANG_MS = 5000;

interface Call {
  name: RouteName;
  input: unknown;
}

/** Handlers that only record what reached them (their output does not matter here). */
function spyHandlers(calls: Call[]): Handlers {
  return Object.fromEntries(
    routeNames.map((name) => [
      name,
      (input: unknown) => {
        calls.push({ name, input });
        return undefined;
      },
    ]),
  ) as unknown as Handlers;
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${HANG_MS} ms`)), HANG_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Object.prototype as it is now: its own property names and descriptors' values. */
function prototypeSnapshot(): string {
  return Reflect.ownKeys(Object.prototype)
    .map((key) => `${String(key)}:${typeof Object.getOwnPropertyDescriptor(Object.prototype, key)?.value}`)
    .join(',');
}
const PROTOTYPE_BEFORE = prototypeSnapshot();
function expectPrototypeUntouched(): void {
  expect(prototypeSnapshot()).toBe(PROTOTYPE_BEFORE);
  const probe: Record<string, unknown> = {};
  for (const key of ['polluted', 'isAdmin', 'ok', 'output', 'name', 'profileId'])
    expect(probe[key]).toBeUndefined();
}

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** JSON text with prototype-pollution keys, parsed like the WebSocket host parses frames. */
const pollutingJson: fc.Arbitrary<unknown> = fc
  .array(
    fc.tuple(
      fc.constantFrom(...POLLUTION_KEYS, 'profileId', 'params', 'key', 'runId'),
      fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constant({ polluted: true, isAdmin: true }),
        fc.constant({ prototype: { polluted: true } }),
      ),
    ),
    { maxLength: 5 },
  )
  .map(
    (entries) =>
      JSON.parse(
        `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`,
      ) as unknown,
  );

/** A value nested `depth` deep; printed as `nested(depth)` (fast-check's printer would overflow). */
function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let level = 0; level < depth - 1; level++) value = level % 2 ? { profileId: value } : [value];
  return { params: value, [fc.toStringMethod]: () => `nested(${depth})` };
}

const GIANT = 'g'.repeat(4 * 1024 * 1024);

const hostileInput: fc.Arbitrary<unknown> = fc.oneof(
  anyHostileValue({ bigint: true }),
  pollutingJson,
  fc.integer({ min: 10, max: 20_000 }).map(nested),
  fc.constantFrom<unknown>(
    GIANT,
    { profileId: GIANT },
    { key: GIANT, profileId: 'p' },
    { json: GIANT },
    { $typed: 'Float64Array', data: '!!!not base64' },
    { runId: { $typed: 'Uint8Array', data: 'AAA' } },
    { params: { $typed: 'Int32Array', data: '====' } },
  ),
);

/** Valid inputs of routes with fields (checked below), to damage one field at a time. */
const params = {
  model: 'openai/gpt-3.5-turbo-instruct',
  prompt: ['Once', 'upon'],
  max_tokens: 16,
  temperature: 0.7,
  stop: ['\n'],
  logprobs: 2,
  logit_bias: { '50256': -100 },
  stream: true,
  stream_options: { include_usage: true },
  fallbacks: ['openai/davinci-002'],
};
const valid: Partial<Record<RouteName, Record<string, unknown>>> = {
  'profiles.save': {
    id: 'team',
    name: 'Team',
    kind: 'bifrost',
    baseUrl: 'http://localhost:8080',
    endpoint: '/v1/completions',
    headers: { 'x-bf-cache-key': 'k' },
  },
  'keys.set': { profileId: 'team', key: 'sk-123' },
  'keys.copy': {
    profileId: 'team',
    confirm: true,
    target: 'curl-posix',
    source: {
      method: 'POST',
      url: 'http://localhost:8080/v1/completions',
      headers: {},
      body: '{}',
      stream: true,
    },
  },
  'requests.preview': { profileId: 'team', params },
  'runs.start': { runId: 'run-1', profileId: 'team', params },
  'runs.stop': { runId: 'run-1' },
  'settings.set': { key: 'form.v1', value: '{}' },
  'prices.set': { model: 'openai/m', price: { inputPerMillion: 1, outputPerMillion: 2 } },
  'history.list': { query: 'x', limit: 10, before: 5 },
  'history.export': { ids: ['a', 'b'] },
  'presets.save': { name: 'Fast', params: { temperature: 0, max_tokens: 8, stop: ['.'] } },
  'presets.rename': { id: 'p1', name: 'Slow' },
  'engine.remove': { file: 'model.gguf' },
};

type PathPart = string | number;
function pathsOf(value: unknown, prefix: PathPart[] = [], out: PathPart[][] = []): PathPart[][] {
  if (prefix.length > 0) out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...prefix, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
  return out;
}
function replaceAt(value: Record<string, unknown>, where: readonly PathPart[], replacement: unknown) {
  const copy = structuredClone(value) as Record<PathPart, unknown>;
  let parent = copy;
  for (const part of where.slice(0, -1)) parent = parent[part] as Record<PathPart, unknown>;
  parent[where.at(-1) as PathPart] = replacement;
  return copy;
}

describe('router: hostile calls', () => {
  it('the examples are valid (the damage below is what makes calls fail)', () => {
    for (const [name, input] of Object.entries(valid)) {
      const result = routes[name as RouteName].input.safeParse(input);
      expect(result.success, `${name}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
  });

  it('unknown route names are refused by name; no handler runs', async () => {
    const calls: Call[] = [];
    const router = createRouter(spyHandlers(calls));
    const client = recordingClient();
    const name = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom(
        ...POLLUTION_KEYS,
        'app.info ',
        'APP.INFO',
        'app',
        'runs.start\u0000',
        '__defineGetter__',
      ),
      fc.anything({ maxDepth: 1 }),
    );
    await fc.assert(
      fc.asyncProperty(name, hostileInput, async (routeName, input) => {
        fc.pre(!isRouteName(routeName));
        const reply = await withTimeout(router.dispatch(routeName, input, client), 'dispatch');
        expect(reply.ok).toBe(false);
        if (reply.ok) return;
        expect(reply.error.message.startsWith('Unknown route: ')).toBe(true);
        expect(reply.error.message).toContain(
          typeof routeName === 'string'
            ? routeName.slice(0, 80)
            : `(${routeName === null ? 'null' : typeof routeName})`,
        );
        expect(reply.error.message.length).toBeLessThan(200);
        expect(calls).toEqual([]);
        expectPrototypeUntouched();
      }),
      { numRuns: 400, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });

  it('any input to any route: refused naming the route and each field, or passed on only as the contract allows', async () => {
    const calls: Call[] = [];
    const seen = { refused: 0, passed: 0 };
    const router = createRouter(spyHandlers(calls));
    const client = recordingClient();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routeNames), hostileInput, async (name, input) => {
        calls.length = 0;
        const reply = await withTimeout(router.dispatch(name, input, client), name);
        expectPrototypeUntouched();
        const contract = routes[name].input.safeParse(input);
        if (!contract.success) {
          expect(reply.ok).toBe(false);
          if (reply.ok) return;
          expect(reply.error.message.startsWith(`Invalid input for ${name}: `)).toBe(true);
          expect(reply.error.issues?.length).toBeGreaterThan(0);
          for (const issue of contract.error.issues) {
            const where = issue.path.map(String).join('.');
            if (where) expect(reply.error.message).toContain(`${where}: `);
          }
          expect(calls).toEqual([]);
          seen.refused++;
        } else {
          seen.passed++;
          // Passed on: exactly what the contract parsed (unknown keys such as __proto__ stripped).
          expect(calls).toHaveLength(1);
          expect(calls[0]).toEqual({ name, input: contract.data });
          for (const key of POLLUTION_KEYS) {
            if (calls[0]?.input && typeof calls[0].input === 'object')
              expect(Object.prototype.hasOwnProperty.call(calls[0].input, key)).toBe(false);
          }
        }
      }),
      { numRuns: 600, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
    expect(seen.refused).toBeGreaterThan(50);
    expect(seen.passed).toBeGreaterThan(5);
  });

  it('one damaged field of a valid input: refused, and the message names that field', async () => {
    const calls: Call[] = [];
    const router = createRouter(spyHandlers(calls));
    const client = recordingClient();
    const entries = Object.entries(valid) as Array<[RouteName, Record<string, unknown>]>;
    const damaged = fc.constantFrom(...entries).chain(([name, input]) =>
      fc.record({
        name: fc.constant(name),
        input: fc.constant(input),
        where: fc.constantFrom(...pathsOf(input)),
        replacement: hostileInput,
      }),
    );
    await fc.assert(
      fc.asyncProperty(damaged, async ({ name, input, where, replacement }) => {
        calls.length = 0;
        const raw = replaceAt(input, where, replacement);
        const reply = await withTimeout(router.dispatch(name, raw, client), name);
        expectPrototypeUntouched();
        if (reply.ok || calls.length > 0) {
          // The damage happened to be valid (e.g. a string for a string): passed on as parsed.
          expect(calls).toEqual([{ name, input: routes[name].input.parse(raw) }]);
          return;
        }
        expect(reply.error.message.startsWith(`Invalid input for ${name}: `)).toBe(true);
        // Some issue is about the damaged field, or about the object holding it (a refinement).
        const damagedPath = where.join('.');
        const related = (reply.error.issues ?? []).some((issue) => {
          const issuePath = issue.slice(0, Math.max(0, issue.indexOf(': ')));
          return (
            issuePath === damagedPath ||
            issuePath.startsWith(`${damagedPath}.`) ||
            damagedPath.startsWith(`${issuePath}.`) ||
            (issuePath === '' && where.length === 1)
          );
        });
        expect(related, `${damagedPath} not named in: ${reply.error.message}`).toBe(true);
        expect(calls).toEqual([]);
      }),
      { numRuns: 600, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });
});

describe('router + real services: hostile calls', () => {
  let dir: string;
  let services: ReturnType<typeof createAppServices>;
  const fetched: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'router-fuzz-'));
    // No request may leave: every fetch fails at once like an unreachable server.
    const fetch: FetchLike = (url) => {
      fetched.push(url);
      return Promise.reject(new TypeError('fetch failed'));
    };
    services = createAppServices({
      mode: 'web',
      version: '0.0.0',
      userDataDir: dir,
      presets: [
        {
          id: 'team',
          name: 'Team',
          kind: 'bifrost',
          baseUrl: 'http://gateway.invalid',
          endpoint: '/v1/completions',
          headers: {},
        },
      ],
      secretStore: createMemorySecretStore('memory'),
      env: {},
      fetch,
    });
  });

  afterAll(async () => {
    await services.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('every route answers (ok or a message), never throws, never pollutes', async () => {
    const router = createRouter(services.handlers);
    const client = recordingClient();
    // engine.download is left out: a valid id would start a real download.
    const names = routeNames.filter((name) => name !== 'engine.download');
    const call = fc.oneof(
      fc.record({ name: fc.constantFrom(...names), input: hostileInput }),
      fc
        .constantFrom(...(Object.entries(valid) as Array<[RouteName, Record<string, unknown>]>))
        .chain(([name, input]) =>
          fc
            .constantFrom(...pathsOf(input))
            .chain((where) => hostileInput.map((value) => ({ name, input: replaceAt(input, where, value) }))),
        ),
    );
    await fc.assert(
      fc.asyncProperty(call, async ({ name, input }) => {
        const reply: InvokeReply = await withTimeout(router.dispatch(name, input, client), name);
        expectPrototypeUntouched();
        if (!reply.ok) {
          expect(reply.error.message.trim().length).toBeGreaterThan(5);
          expect(reply.error.message).not.toMatch(/^Internal error/);
        }
      }),
      { numRuns: 300, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
    client.emit = () => undefined;
    services.clientClosed(client.clientId);
    // Still serving: a plain valid call works.
    const info = await router.dispatch('app.info', {}, recordingClient('after'));
    expect(info).toMatchObject({ ok: true, output: { mode: 'web' } });
    // Requests went only to the fake fetch (which refuses them all).
    expect(fetched.every((url) => /^https?:\/\//.test(url))).toBe(true);
  });
});
