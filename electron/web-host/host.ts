import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { WEBSOCKET_PATH } from '@shared/contracts/channels';
import { readStaticFile, rendererCsp } from '../services/hosting/staticFiles';
import { createRouter, type AppServices } from '../services/router';
import { createToken, hostAllowed, originAllowed, parseRequestTarget, tokenMatches } from './guards';
import { attachWsClient } from './wsClient';

/** Large enough for a history import (JSON text of many runs); the socket is local and authenticated. */
export const MAX_WS_PAYLOAD_BYTES = 64 * 1024 * 1024;

export interface WebHostOptions {
  services: AppServices;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** 0 = any free port. */
  port?: number;
  /** Defaults to a fresh random token. */
  token?: string;
  log?: (message: string) => void;
}

export interface WebHost {
  /** The page to open, token included. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
};

function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': rendererCsp(`ws://127.0.0.1:${port} ws://localhost:${port}`),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function refuseUpgrade(socket: Duplex, status: number): void {
  const text = STATUS_TEXT[status] ?? 'Error';
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\n\r\n${text}`,
  );
}

/**
 * Browser mode: serves the built renderer and the app API over a WebSocket, on 127.0.0.1 only.
 * Every request must name our loopback host and port (DNS rebinding); the socket also needs the
 * session token and our origin, and the first origin that connects is the only one from then on.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { services, rendererDir, log = console.error } = options;
  const token = options.token ?? createToken();
  const router = createRouter(services.handlers);
  let port = 0;
  let nextClient = 1;
  let pinnedOrigin: string | null = null;

  const sendPlain = (res: ServerResponse, status: number, headOnly = false): void => {
    const text = STATUS_TEXT[status] ?? 'Error';
    res.writeHead(status, {
      ...securityHeaders(port),
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      'Cache-Control': 'no-store',
    });
    res.end(headOnly ? undefined : text);
  };

  const handleRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!hostAllowed(req.headers.host, port)) return sendPlain(res, 403);
    const headOnly = req.method === 'HEAD';
    if (req.method !== 'GET' && !headOnly) {
      res.setHeader('Allow', 'GET, HEAD');
      return sendPlain(res, 405);
    }
    const target = parseRequestTarget(req.url);
    if (!target) return sendPlain(res, 400, headOnly);
    const file = await readStaticFile(rendererDir, target.pathname);
    if (!file.found) return sendPlain(res, 404, headOnly);
    const isHtml = file.contentType.startsWith('text/html');
    res.writeHead(200, {
      ...securityHeaders(port),
      'Content-Type': file.contentType,
      'Content-Length': file.body.length,
      'Cache-Control': isHtml ? 'no-store' : 'no-cache',
    });
    res.end(headOnly ? undefined : file.body);
  };

  const server = createServer((req, res) => {
    handleRequest(req, res).catch((error: unknown) => {
      log(`[web-host] request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(500, securityHeaders(port));
      res.end();
    });
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_WS_PAYLOAD_BYTES,
    perMessageDeflate: false,
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (!hostAllowed(req.headers.host, port)) return refuseUpgrade(socket, 403);
    const target = parseRequestTarget(req.url);
    if (!target || target.pathname !== WEBSOCKET_PATH) return refuseUpgrade(socket, 404);
    if (!originAllowed(req.headers.origin, port)) return refuseUpgrade(socket, 403);
    if (!tokenMatches(token, target.searchParams.get('token'))) return refuseUpgrade(socket, 401);
    // The first page that connects fixes the origin: another loopback name (a second origin, with
    // its own storage and its own idea of what is safe) is refused for the life of the host.
    const origin = (req.headers.origin ?? '').toLowerCase();
    if (pinnedOrigin !== null && origin !== pinnedOrigin) {
      log(`[web-host] refused a socket from ${origin}: this session belongs to ${pinnedOrigin}`);
      return refuseUpgrade(socket, 403);
    }
    pinnedOrigin = origin;
    wss.handleUpgrade(req, socket, head, (ws) => {
      const clientId = `ws:${nextClient++}`;
      attachWsClient({
        socket: ws,
        clientId,
        router,
        log,
        onClosed: (id) => {
          try {
            services.clientClosed(id);
          } catch (error) {
            log(
              `[web-host] clientClosed(${id}) failed: ${error instanceof Error ? error.message : String(error)}`,
            );
          }
        },
      });
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The web host has no TCP address');
  port = address.port;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolveClose) => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.close(() => resolveClose());
      server.closeAllConnections();
    });
    return closing;
  };

  return { url: `http://127.0.0.1:${port}/?token=${token}`, port, token, close };
}
