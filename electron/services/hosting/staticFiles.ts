import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/**
 * Static files of the built renderer, shared by the Electron `app://` protocol and the
 * browser-mode host. Pure Node: no Electron, no HTTP.
 */

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** The renderer's Content-Security-Policy; only `connect-src` differs between the two hosts. */
export function rendererCsp(connectSrc: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connectSrc}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Maps a URL pathname (still percent-encoded) to a file under `rootDir`, or null when it would
 * leave the folder, is malformed, or names a hidden file. `/` means `index.html`.
 */
export function resolveStaticPath(rootDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0')) return null;
  const relative = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  // Backslashes are separators on Windows; refuse them everywhere rather than guess.
  if (relative.includes('\\')) return null;
  if (relative.split('/').some((segment) => segment.startsWith('.') && segment.length > 0)) return null;
  const root = resolve(rootDir);
  const candidate = resolve(root, `.${relative}`);
  return isInside(root, candidate) && candidate !== root ? candidate : null;
}

export type StaticFile =
  { found: true; body: Buffer; contentType: string; filePath: string } | { found: false };

/**
 * Reads the file a pathname names. Refuses traversal, directories, and symlinks that point
 * outside the folder (checked on the real path).
 */
export async function readStaticFile(rootDir: string, pathname: string): Promise<StaticFile> {
  const filePath = resolveStaticPath(rootDir, pathname);
  if (!filePath) return { found: false };
  try {
    const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(filePath)]);
    if (!isInside(realRoot, realFile) || !(await stat(realFile)).isFile()) return { found: false };
    return {
      found: true,
      body: await readFile(realFile),
      contentType: contentTypeFor(realFile),
      filePath: realFile,
    };
  } catch {
    return { found: false };
  }
}
