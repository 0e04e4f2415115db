import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_CSP, appSchemePrivileges, registerAppProtocol } from './protocol';

describe('app:// protocol', () => {
  let dir: string;
  let handler: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'protocol-'));
    await mkdir(join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html>');
    await writeFile(join(dir, 'renderer', 'assets', 'a.js'), 'export {}');
    await writeFile(join(dir, 'secret.txt'), 'SECRET');
    const protocol = { handle: vi.fn() };
    registerAppProtocol({ protocol, rendererDir: join(dir, 'renderer') });
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    handler = protocol.handle.mock.calls[0]![1] as typeof handler;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  // `new Request` refuses unknown schemes in some runtimes; the handler only reads url and method.
  const get = (url: string, method = 'GET') => handler({ url, method } as Request);

  it('is registered as a standard secure scheme', () => {
    expect(appSchemePrivileges).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true },
    });
  });

  it('serves renderer files with content types and the CSP', async () => {
    const index = await get('app://renderer/index.html');
    expect(index.status).toBe(200);
    expect(await index.text()).toBe('<!doctype html>');
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(APP_CSP).toContain("connect-src 'none'");
    expect(APP_CSP).toContain("default-src 'none'");
    expect((await get('app://renderer/')).status).toBe(200);
    const js = await get('app://renderer/assets/a.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses traversal, other hosts and other methods', async () => {
    for (const url of [
      'app://renderer/../secret.txt',
      'app://renderer/%2e%2e/secret.txt',
      'app://renderer/..%2fsecret.txt',
      'app://other/index.html',
      'app://renderer/missing.js',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('SECRET');
      expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
    }
    expect((await get('app://renderer/index.html', 'POST')).status).toBe(405);
  });
});
