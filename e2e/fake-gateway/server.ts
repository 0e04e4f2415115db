import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { handleCompletion } from './completionHandler';
import { transportErrorBody } from './failures';
import {
  BodyTooLargeError,
  headerValue,
  isAbortError,
  lowerCaseHeaders,
  readBody,
  sendJson,
} from './httpUtil';
import { bifrostModelList, openAiModelList } from './models';
import type { FakeGateway, FakeGatewayOptions, RecordedRequest } from './types';

export type { FakeGateway, FakeGatewayOptions, RecordedRequest, ResponseCounts } from './types';

const COMPLETION_PATHS = new Set(['/v1/completions', '/openai/v1/completions', '/openai/completions']);
/** The fake's own routes: outside Bifrost's namespace, never recorded or counted. */
const DEBUG_PREFIX = '/__fake/';
const MAX_BODY_BYTES = 10 * 1024 * 1024;

function sameKey(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** null when the request carries the key (x-bf-vk or Authorization: Bearer); else why not. Keys are never echoed. */
function keyProblem(req: IncomingMessage, requiredKey: string): { type: string; message: string } | null {
  const bearer = /^Bearer\s+(.+)$/i.exec(headerValue(req, 'authorization'))?.[1]?.trim();
  const presented = [headerValue(req, 'x-bf-vk').trim(), bearer ?? ''].filter((key) => key !== '');
  if (presented.some((key) => sameKey(key, requiredKey))) return null;
  return presented.length === 0
    ? {
        type: 'virtual_key_required',
        message: 'virtual key is required: send it as x-bf-vk or Authorization: Bearer',
      }
    : { type: 'invalid_virtual_key', message: 'invalid virtual key' };
}

/** Starts the fake Bifrost gateway on 127.0.0.1 (port 0 = a free port). */
export async function startFakeGateway(options: FakeGatewayOptions = {}): Promise<FakeGateway> {
  let tokensPerSecond = options.tokensPerSecond ?? 0;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const inFlight = new Set<AbortController>();
  const totals = { started: 0, closed: 0 };
  let closing: Promise<void> | undefined;

  async function route(req: IncomingMessage, res: ServerResponse, signal: AbortSignal): Promise<void> {
    const startedAt = performance.now();
    let body: string;
    try {
      body = await readBody(req, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) sendJson(res, 413, transportErrorBody(413, error.message));
      return;
    }
    if (options.recordRequests !== false) {
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: lowerCaseHeaders(req), body });
    }
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const method = req.method ?? 'GET';
    const isCompletion = COMPLETION_PATHS.has(path);
    const isModels = path === '/v1/models' || path === '/openai/v1/models';

    if (path === '/health' && method === 'GET') return sendJson(res, 200, { status: 'ok' });
    if (!isCompletion && !isModels) return sendJson(res, 404, transportErrorBody(404, 'endpoint not found'));
    if (method !== (isCompletion ? 'POST' : 'GET')) {
      return sendJson(res, 405, transportErrorBody(405, 'method not allowed'));
    }
    if (options.requiredKey) {
      const problem = keyProblem(req, options.requiredKey);
      if (problem) {
        return sendJson(res, 401, {
          type: problem.type,
          is_bifrost_error: false,
          status_code: 401,
          error: { type: problem.type, message: problem.message },
        });
      }
    }
    if (isModels) {
      const provider = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('provider');
      return sendJson(res, 200, path === '/v1/models' ? bifrostModelList(provider) : openAiModelList());
    }
    await handleCompletion({ req, res, body, signal, tokensPerSecond: () => tokensPerSecond, startedAt });
  }

  const responseCounts = () => ({ open: inFlight.size, ...totals });

  const server = createServer((req, res) => {
    res.on('error', () => undefined);
    if (req.url?.startsWith(DEBUG_PREFIX)) {
      if (req.method === 'GET' && req.url === `${DEBUG_PREFIX}open-requests`)
        return sendJson(res, 200, responseCounts());
      return sendJson(res, 404, transportErrorBody(404, 'endpoint not found'));
    }
    const controller = new AbortController();
    inFlight.add(controller);
    totals.started++;
    res.on('close', () => {
      inFlight.delete(controller);
      totals.closed++;
      controller.abort();
    });
    route(req, res, controller.signal).catch((error: unknown) => {
      if (controller.signal.aborted || isAbortError(error)) return;
      if (!res.headersSent) sendJson(res, 500, transportErrorBody(500, 'fake gateway internal error'));
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    setTokensPerSecond(n: number) {
      tokensPerSecond = Number.isFinite(n) && n > 0 ? n : 0;
    },
    openResponses: () => inFlight.size,
    responseCounts,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const controller of inFlight) controller.abort();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
