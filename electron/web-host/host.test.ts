import { request } from 'node:http';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { wsHostMessageSchema, type WsHostMessage } from '@shared/contracts/wire';
import { startWebHost, type WebHost } from './host';
import { createFakeServices } from './testing/fakeServices';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function rawGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path,
      method,
      headers: { host: `127.0.0.1:${port}`, ...headers },
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

interface Client {
  ws: WebSocket;
  messages: WsHostMessage[];
  next(): Promise<WsHostMessage>;
}

/** Opens a socket; resolves with the HTTP status when the upgrade is refused. */
function connect(
  port: number,
  { token, origin, host }: { token?: string; origin?: string; host?: string },
): Promise<Client | { refused: number }> {
  const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api${query}`, {
    origin: origin ?? `http://127.0.0.1:${port}`,
    headers: host ? { host } : {},
  });
  const messages: WsHostMessage[] = [];
  const waiters: ((message: WsHostMessage) => void)[] = [];
  ws.on('message', (data) => {
    const message = wsHostMessageSchema.parse(JSON.parse(String(data)));
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else messages.push(message);
  });
  const next = () =>
    new Promise<WsHostMessage>((resolve) => {
      const queued = messages.shift();
      if (queued) resolve(queued);
      else waiters.push(resolve);
    });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, messages, next }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ refused: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.once('error', (error) => {
      if (ws.readyState !== WebSocket.CLOSED && ws.readyState !== WebSocket.CLOSING) reject(error);
    });
  });
}

function expectClient(value: Client | { refused: number }): Client {
  if ('refused' in value) throw new Error(`refused with ${value.refused}`);
  return value;
}

describe('startWebHost', () => {
  let dir: string;
  let rendererDir: string;
  const opened: WebSocket[] = [];
  let host: WebHost;
  let services: ReturnType<typeof createFakeServices>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'web-host-'));
    rendererDir = join(dir, 'renderer');
    await mkdir(join(rendererDir, 'assets'), { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(rendererDir, 'assets', 'app.css'), 'body{}');
    await writeFile(join(dir, 'secret.txt'), 'SECRET');
    await symlink(join(dir, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
    services = createFakeServices();
    host = await startWebHost({ services, rendererDir, port: 0, log: () => {} });
  });

  afterEach(() => {
    for (const ws of opened.splice(0)) ws.terminate();
  });

  afterAll(async () => {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  });

  const open = async (options: { token?: string; origin?: string; host?: string }) => {
    const result = await connect(host.port, options);
    if (!('refused' in result)) opened.push(result.ws);
    return result;
  };

  it('prints a loopback URL with the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('serves index.html for / with the security headers', async () => {
    const res = await rawGet(host.port, '/?token=whatever');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>t</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src ws://127.0.0.1:${host.port} ws://localhost:${host.port}`);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('serves assets with their content types, HEAD without a body', async () => {
    const js = await rawGet(host.port, '/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('console.log(1)');
    expect((await rawGet(host.port, '/assets/app.css')).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    );
    const head = await rawGet(host.port, '/assets/app.js', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe(String('console.log(1)'.length));
  });

  it('refuses traversal, symlinks out of the folder, missing files and other methods', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/link.txt',
      '/nope.js',
      '/assets/',
    ]) {
      const res = await rawGet(host.port, path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('SECRET');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await rawGet(host.port, '/', {}, 'POST')).status).toBe(405);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    for (const hostHeader of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`]) {
      const res = await rawGet(host.port, '/', { host: hostHeader });
      expect(res.status, hostHeader).toBe(403);
      expect(res.body).not.toContain('<title>');
    }
    expect((await rawGet(host.port, '/', { host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('refuses sockets without the token, with a wrong token, origin or host', async () => {
    expect(await open({})).toEqual({ refused: 401 });
    expect(await open({ token: 'x'.repeat(32) })).toEqual({ refused: 401 });
    expect(await open({ token: `${host.token}x` })).toEqual({ refused: 401 });
    expect(await open({ token: host.token, origin: 'http://evil.example' })).toEqual({ refused: 403 });
    expect(await open({ token: host.token, origin: `http://127.0.0.1:${host.port + 1}` })).toEqual({
      refused: 403,
    });
    expect(await open({ token: host.token, host: `evil.example:${host.port}` })).toEqual({ refused: 403 });
  });

  it('keeps to the first origin that connected: a second loopback origin is refused', async () => {
    expectClient(await open({ token: host.token }));
    expect(await open({ token: host.token, origin: `http://localhost:${host.port}` })).toEqual({
      refused: 403,
    });
    expectClient(await open({ token: host.token, origin: `http://127.0.0.1:${host.port}` }));
  });

  it('answers app.info over the socket', async () => {
    const client = expectClient(await open({ token: host.token }));
    client.ws.send(JSON.stringify({ type: 'invoke', id: 7, name: 'app.info', input: {} }));
    expect(await client.next()).toEqual({
      type: 'reply',
      id: 7,
      reply: {
        ok: true,
        output: {
          mode: 'web',
          version: '9.9.9',
          keyStorage: { persistent: false, description: 'memory' },
          warnings: [],
        },
      },
    });
  });

  it('replies with errors for unknown routes and bad messages, ignores bad JSON', async () => {
    const client = expectClient(await open({ token: host.token }));
    client.ws.send('{not json');
    client.ws.send(JSON.stringify({ type: 'invoke', id: 1, name: 'nope.nothing', input: {} }));
    const unknown = await client.next();
    expect(unknown).toMatchObject({ type: 'reply', id: 1, reply: { ok: false } });
    expect(JSON.stringify(unknown)).toContain('Unknown route');
    client.ws.send(JSON.stringify({ type: 'invoke', id: 2, input: {} }));
    expect(await client.next()).toEqual({
      type: 'reply',
      id: 2,
      reply: {
        ok: false,
        error: {
          message: 'Invalid message: name: Invalid input: expected string, received undefined',
          issues: ['name: Invalid input: expected string, received undefined'],
        },
      },
    });
    client.ws.send(JSON.stringify({ type: 'call', id: 4, name: 7 }));
    const wrong = await client.next();
    expect(wrong).toMatchObject({ type: 'reply', id: 4, reply: { ok: false } });
    expect(JSON.stringify(wrong)).toMatch(/Invalid message: type: .*; name: /);
    client.ws.send(JSON.stringify({ type: 'invoke', id: 3, name: 'runs.stop', input: { runId: '' } }));
    expect(await client.next()).toMatchObject({ type: 'reply', id: 3, reply: { ok: false } });
    expect(client.messages).toEqual([]);
  });

  it('sends events only to the client whose call emitted them', async () => {
    const a = expectClient(await open({ token: host.token }));
    const b = expectClient(await open({ token: host.token }));
    a.ws.send(JSON.stringify({ type: 'invoke', id: 1, name: 'profiles.list', input: {} }));
    expect(await a.next()).toEqual({ type: 'event', event: { name: 'profiles.changed', payload: {} } });
    expect(await a.next()).toEqual({ type: 'reply', id: 1, reply: { ok: true, output: [] } });
    b.ws.send(JSON.stringify({ type: 'invoke', id: 1, name: 'app.info', input: {} }));
    expect(await b.next()).toMatchObject({ type: 'reply', id: 1, reply: { ok: true } });
    expect(b.messages).toEqual([]);
  });

  it('tells the services when a socket closes', async () => {
    const client = expectClient(await open({ token: host.token }));
    client.ws.send(JSON.stringify({ type: 'invoke', id: 1, name: 'app.info', input: {} }));
    await client.next();
    const closed = services.whenClosed();
    client.ws.close();
    expect(await closed).toMatch(/^ws:\d+$/);
  });

  it('closes open sockets and stops listening on close()', async () => {
    const other = await startWebHost({ services: createFakeServices(), rendererDir, log: () => {} });
    const client = expectClient(await connect(other.port, { token: other.token }));
    const socketClosed = new Promise((resolve) => client.ws.once('close', resolve));
    await other.close();
    await socketClosed;
    await expect(rawGet(other.port, '/')).rejects.toThrow();
  });
});
