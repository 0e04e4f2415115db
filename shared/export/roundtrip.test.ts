import { execFile, execFileSync, spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompletionRequest, KEY_PLACEHOLDER, type BuiltRequest } from '../completions/buildRequest';
import { toCurl } from './curl';
import { toFetch, toPythonOpenAI, toPythonRequests } from './snippets';
import { bifrostProfile, HOSTILE_HEADER, HOSTILE_TEXT, hostileParams } from './testing/exportFixtures';

// The export is only right if running it sends what the app sends. Each test sends the app's
// request (fetch with the BuiltRequest, as the runner does) and the exported one to a loopback
// capture server, and compares method, path, the app's headers and the body bytes.

const KEY = 'sk-test-roundtrip';
const ENV = {
  PATH: process.env.PATH ?? '',
  HOME: '/home-must-not-expand',
  HISTFILE: '/dev/null',
  BIFROST_API_KEY: KEY,
};

interface Captured {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let server: Server;
let baseUrl = '';
const captured: Captured[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      captured.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      if (String(req.headers.accept).includes('text/event-stream')) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end('data: {"choices":[{"index":0,"text":" streamed"}]}\n\ndata: [DONE]\n\n');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"choices":[{"index":0,"text":" done"}]}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function available(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const hasCurl = available('curl', ['--version']);
const hasBash = available('bash', ['-c', 'true']);
const hasSh = available('sh', ['-c', 'true']);
const hasPython = available('python3', ['-c', 'pass']);
const hasRequests = hasPython && available('python3', ['-c', 'import requests']);
if (!hasCurl || !hasBash) console.warn('curl round trips skipped: curl or bash is missing');
if (!hasRequests) console.warn('Python requests round trip skipped: python3 with requests is missing');

function run(command: string, args: string[], stdin?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, { env: ENV, timeout: 10_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
    if (stdin !== undefined) child.stdin?.end(stdin);
  });
}

/** An interactive bash (history expansion of `!` on), reading the command from stdin. */
function runInteractiveBash(command: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--norc', '--noprofile', '-i'], { env: ENV, timeout: 10_000 });
    child.on('error', reject);
    child.on('close', () => resolve());
    child.stdin.end(`${command}\nexit\n`);
  });
}

function build(stream: boolean): { built: BuiltRequest; preview: BuiltRequest } {
  const profile = bifrostProfile(baseUrl, {
    'x-bf-cache-key': HOSTILE_HEADER,
    'x-bf-cache-ttl': '60s',
    'X-Empty': '',
  });
  const params = hostileParams(HOSTILE_TEXT, stream);
  return {
    built: buildCompletionRequest(profile, params, KEY),
    preview: buildCompletionRequest(profile, params, KEY_PLACEHOLDER),
  };
}

/** What the app itself sends: fetch with the built request, as the completion runner does. */
async function sendLikeTheApp(built: BuiltRequest): Promise<Captured> {
  const before = captured.length;
  const response = await fetch(built.url, { method: built.method, headers: built.headers, body: built.body });
  await response.text();
  return captured[before] as Captured;
}

async function capture(action: () => Promise<unknown>): Promise<Captured> {
  const before = captured.length;
  await action();
  expect(captured.length, 'exactly one request arrives').toBe(before + 1);
  return captured[before] as Captured;
}

function expectSameRequest(exported: Captured, app: Captured, built: BuiltRequest): void {
  expect(exported.method).toBe(app.method);
  expect(exported.path).toBe(app.path);
  for (const name of Object.keys(built.headers)) {
    expect(exported.headers[name.toLowerCase()], `header ${name}`).toBe(app.headers[name.toLowerCase()]);
  }
  expect(exported.headers['x-bf-vk']).toBe(KEY);
  expect(exported.body.equals(app.body), 'body bytes equal the app’s').toBe(true);
  expect(exported.body.equals(Buffer.from(built.body, 'utf8')), 'body bytes equal built.body').toBe(true);
}

describe.skipIf(!hasCurl || !hasBash)('POSIX curl export, run by the real curl', () => {
  it.each([true, false])('delivers what the app sends (stream: %s) via bash -c', async (stream) => {
    const { built, preview } = build(stream);
    const app = await sendLikeTheApp(built);
    const command = toCurl(preview, { profileKind: 'bifrost' });
    expect(command).not.toContain(KEY);
    let output = '';
    const exported = await capture(async () => {
      output = await run('bash', ['-c', command]);
    });
    expectSameRequest(exported, app, built);
    expect(output).toContain(stream ? 'data: [DONE]' : '" done"');
  });

  it.skipIf(!hasSh)('works the same in sh (dash), a plain POSIX shell', async () => {
    const { built, preview } = build(true);
    const app = await sendLikeTheApp(built);
    const exported = await capture(() => run('sh', ['-c', toCurl(preview, { profileKind: 'bifrost' })]));
    expectSameRequest(exported, app, built);
  });

  it('works when pasted into an interactive bash, where ! triggers history expansion', async () => {
    const { built, preview } = build(false);
    const app = await sendLikeTheApp(built);
    const exported = await capture(() => runInteractiveBash(toCurl(preview, { profileKind: 'bifrost' })));
    expectSameRequest(exported, app, built);
  });
});

describe('snippets, run against the capture server', () => {
  it.each([true, false])(
    'JavaScript fetch (node) delivers what the app sends (stream: %s)',
    async (stream) => {
      const { built, preview } = build(stream);
      const app = await sendLikeTheApp(built);
      let output = '';
      const exported = await capture(async () => {
        output = await run(process.execPath, [
          '--input-type=module',
          '-e',
          toFetch(preview, { profileKind: 'bifrost' }),
        ]);
      });
      expectSameRequest(exported, app, built);
      expect(output).toContain(stream ? 'data: [DONE]' : '" done"');
    },
  );

  it.skipIf(!hasRequests).each([true, false])(
    'Python requests delivers what the app sends (stream: %s)',
    async (stream) => {
      const { built, preview } = build(stream);
      const app = await sendLikeTheApp(built);
      let output = '';
      const exported = await capture(async () => {
        output = await run('python3', ['-'], toPythonRequests(preview, { profileKind: 'bifrost' }));
      });
      expectSameRequest(exported, app, built);
      expect(output).toContain(stream ? 'data: [DONE]' : '" done"');
    },
  );

  it.skipIf(!hasPython)('Python openai snippet is valid Python', () => {
    for (const stream of [true, false]) {
      const source = toPythonOpenAI(build(stream).preview, { profileKind: 'bifrost' });
      expect(() =>
        execFileSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: source }),
      ).not.toThrow();
    }
  });
});
