// Tests may use Node to produce real fetch failures on loopback servers.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyNetworkError } from './classifyError';

const url = 'http://localhost:8080/v1/completions';

function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}
function nodeError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifyNetworkError', () => {
  const base = 'http://localhost:8080';

  it('ECONNREFUSED: no gateway at the base URL', () => {
    const error = classifyNetworkError(
      fetchFailed(nodeError('connect ECONNREFUSED 127.0.0.1:8080', 'ECONNREFUSED')),
      url,
      base,
    );
    expect(error).toEqual({
      kind: 'connection_refused',
      title: 'No gateway at http://localhost:8080',
      message: 'Nothing is listening at http://localhost:8080. Is Bifrost (or your server) running?',
      code: 'ECONNREFUSED',
      url,
    });
  });

  it('a port fetch refuses to use (real fetch) says the port is blocked', async () => {
    const blocked = 'http://127.0.0.1:9/v1/completions';
    const thrown = await fetch(blocked).catch((error: unknown) => error);
    const error = classifyNetworkError(thrown, blocked, 'http://127.0.0.1:9');
    expect(error.title).toBe('Port 9 is blocked');
    expect(error.message).toMatch(/unsafe ports/);
  });

  it('finds the code inside an AggregateError', () => {
    const aggregate = Object.assign(
      new AggregateError([nodeError('connect ECONNREFUSED ::1:8080', 'ECONNREFUSED')], ''),
      {},
    );
    expect(classifyNetworkError(fetchFailed(aggregate), url, base).kind).toBe('connection_refused');
  });

  it('ENOTFOUND and EAI_AGAIN: cannot resolve the host', () => {
    const target = 'https://gateway.invalid/v1/completions';
    const notFound = classifyNetworkError(
      fetchFailed(nodeError('getaddrinfo ENOTFOUND gateway.invalid', 'ENOTFOUND')),
      target,
      base,
    );
    expect(notFound).toMatchObject({
      kind: 'dns',
      title: 'Cannot resolve gateway.invalid',
      code: 'ENOTFOUND',
    });
    const again = classifyNetworkError(
      fetchFailed(nodeError('getaddrinfo EAI_AGAIN gateway.invalid', 'EAI_AGAIN')),
      target,
      base,
    );
    expect(again).toMatchObject({ kind: 'dns', code: 'EAI_AGAIN' });
  });

  it('TLS: certificate codes, SSL codes and messages', () => {
    for (const code of [
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'CERT_HAS_EXPIRED',
      'ERR_TLS_CERT_ALTNAME_INVALID',
    ]) {
      const error = classifyNetworkError(
        fetchFailed(nodeError('certificate problem', code)),
        'https://gw.local/v1/completions',
        base,
      );
      expect(error).toMatchObject({ kind: 'tls', code, title: 'Secure connection to gw.local failed' });
    }
    expect(
      classifyNetworkError(fetchFailed(new Error('unable to verify the first certificate')), url, base).kind,
    ).toBe('tls');
    expect(
      classifyNetworkError(fetchFailed(nodeError('x', 'DEPTH_ZERO_SELF_SIGNED_CERT')), url, base).message,
    ).toContain('not trusted');
  });

  it('resets, timeouts and other codes are network errors', () => {
    const reset = classifyNetworkError(
      fetchFailed(nodeError('other side closed', 'UND_ERR_SOCKET')),
      url,
      base,
    );
    expect(reset).toMatchObject({
      kind: 'network',
      code: 'UND_ERR_SOCKET',
      title: 'Connection to localhost:8080 was cut',
    });
    const timeout = classifyNetworkError(fetchFailed(nodeError('connect ETIMEDOUT', 'ETIMEDOUT')), url, base);
    expect(timeout).toMatchObject({ kind: 'network', title: 'Connection to localhost:8080 timed out' });
    const other = classifyNetworkError(fetchFailed(nodeError('no route', 'EHOSTUNREACH')), url, base);
    expect(other).toMatchObject({
      kind: 'network',
      code: 'EHOSTUNREACH',
      title: 'Cannot reach localhost:8080',
    });
  });

  it('anything else is unknown, with its message', () => {
    expect(classifyNetworkError(new Error('something odd'), url, base)).toEqual({
      kind: 'unknown',
      title: 'Request to localhost:8080 failed',
      message: 'something odd',
      url,
    });
    expect(classifyNetworkError('plain string', url, base).message).toBe('plain string');
    expect(classifyNetworkError(fetchFailed(new Error('weird')), url, base).message).toBe(
      'fetch failed: weird',
    );
  });

  it('survives a cause cycle', () => {
    const a: { message: string; cause?: unknown } = { message: 'a' };
    a.cause = { message: 'b', cause: a };
    expect(classifyNetworkError(a, url, base)).toMatchObject({ kind: 'unknown', message: 'a: b' });
  });
});

describe('classifyNetworkError on real fetch failures (loopback)', () => {
  let plainServer: Server;
  let closingServer: Server;
  let plainPort = 0;
  let closingPort = 0;
  let closedPort = 0;

  const listen = (server: Server) =>
    new Promise<number>((resolve) => {
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

  beforeAll(async () => {
    plainServer = createServer((_request, response) => response.end('ok'));
    closingServer = createServer((request) => request.socket.destroy());
    plainPort = await listen(plainServer);
    closingPort = await listen(closingServer);
    const probe = createServer();
    closedPort = await listen(probe);
    await close(probe);
  });
  afterAll(async () => {
    plainServer.closeAllConnections();
    closingServer.closeAllConnections();
    await Promise.all([close(plainServer), close(closingServer)]);
  });

  const failureOf = async (target: string): Promise<unknown> => {
    try {
      await fetch(target);
    } catch (error) {
      return error;
    }
    throw new Error(`fetch ${target} did not fail`);
  };

  it('a closed port is connection_refused', async () => {
    const base = `http://127.0.0.1:${closedPort}`;
    const error = classifyNetworkError(
      await failureOf(`${base}/v1/completions`),
      `${base}/v1/completions`,
      base,
    );
    expect(error).toMatchObject({ kind: 'connection_refused', title: `No gateway at ${base}` });
  });

  it('https against a plain HTTP server is tls', async () => {
    const target = `https://127.0.0.1:${plainPort}/v1/completions`;
    const error = classifyNetworkError(await failureOf(target), target, `https://127.0.0.1:${plainPort}`);
    expect(error.kind).toBe('tls');
    expect(error.message).toContain('use an http:// base URL');
  });

  it('a server that drops the socket is network', async () => {
    const target = `http://127.0.0.1:${closingPort}/v1/completions`;
    const error = classifyNetworkError(await failureOf(target), target, `http://127.0.0.1:${closingPort}`);
    expect(error.kind).toBe('network');
  });
});
