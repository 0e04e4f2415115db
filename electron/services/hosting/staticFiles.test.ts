import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, readStaticFile, rendererCsp, resolveStaticPath } from './staticFiles';

describe('resolveStaticPath', () => {
  const root = resolve('/srv/renderer');

  it('maps / to index.html and keeps paths inside the folder', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/a%20b.js')).toBe(join(root, 'assets', 'a b.js'));
    expect(resolveStaticPath(root, '/assets/')).toBe(join(root, 'assets', 'index.html'));
  });

  it('refuses traversal, encoded separators, hidden files, NUL and malformed escapes', () => {
    for (const pathname of [
      '/../etc/passwd',
      '/%2e%2e/etc/passwd',
      '/assets/..%2f..%2fetc/passwd',
      '/..%5c..%5cwindows',
      '/assets\\..\\x',
      '/.env',
      '/a/.git/config',
      '/a%00.js',
      '/%E0%A4%A',
      'relative',
    ]) {
      expect(resolveStaticPath(root, pathname), pathname).toBeNull();
    }
  });
});

describe('contentTypeFor and rendererCsp', () => {
  it('knows the renderer file types', () => {
    expect(contentTypeFor('index.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });

  it('puts the connect-src given into an otherwise locked-down policy', () => {
    const csp = rendererCsp("'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp.startsWith("default-src 'none'; script-src 'self'")).toBe(true);
    expect(csp).not.toContain('unsafe');
  });
});

describe('readStaticFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'static-'));
    await mkdir(join(dir, 'r', 'sub'), { recursive: true });
    await writeFile(join(dir, 'r', 'index.html'), 'hi');
    await writeFile(join(dir, 'outside.txt'), 'no');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads files and refuses directories and missing files', async () => {
    const file = await readStaticFile(join(dir, 'r'), '/');
    expect(file).toMatchObject({ found: true, contentType: 'text/html; charset=utf-8' });
    expect(file.found && file.body.toString()).toBe('hi');
    expect(await readStaticFile(join(dir, 'r'), '/sub')).toEqual({ found: false });
    expect(await readStaticFile(join(dir, 'r'), '/missing.js')).toEqual({ found: false });
    expect(await readStaticFile(join(dir, 'r'), '/../outside.txt')).toEqual({ found: false });
  });
});
