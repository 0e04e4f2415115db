import type { Protocol, CustomScheme } from 'electron';
import { readStaticFile, rendererCsp } from '../services/hosting/staticFiles';

export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
/** Where the renderer is loaded from; also the only origin IPC accepts. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The renderer never talks to the network: everything goes through IPC. */
export const APP_CSP = rendererCsp("'none'");

/** Must be registered before `ready`: standard (relative URLs, origin) and secure (like https). */
export const appSchemePrivileges: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': APP_CSP,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** Serves files of `rendererDir` for `app://renderer/...` only; anything else is a 404. */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad Request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'Not Found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file.found) return plain(404, 'Not Found');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
      status: 200,
      headers: {
        'Content-Type': file.contentType,
        'Content-Security-Policy': APP_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}

export function registerAppProtocol({
  protocol,
  rendererDir,
}: {
  protocol: Pick<Protocol, 'handle'>;
  rendererDir: string;
}): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}
