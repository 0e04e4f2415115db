import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CompletionCollector, newResponseMeta, StreamChunker } from './openaiResponse';
import { parseCompletionBody } from './requestSchema';
import { EngineInputError, type EngineEvent, type LocalEngine } from './types';

export interface LocalServerOptions {
  engine: LocalEngine;
  /** The bearer token clients must send. Default: 32 random bytes, hex. */
  token?: string;
  /** Default 0: a free port. */
  port?: number;
}

export interface LocalServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  url: string;
  port: number;
  token: string;
  /** Stops listening, aborts running requests and closes every connection (the engine stays). */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * Serves an engine as an OpenAI-compatible endpoint on 127.0.0.1 only: `POST /v1/completions`
 * (JSON or SSE) and `GET /v1/models`, both behind `Authorization: Bearer <token>`.
 */
export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const { engine } = options;
  const token = options.token ?? randomBytes(32).toString('hex');
  const expected = Buffer.from(`Bearer ${token}`);
  const running = new Set<AbortController>();

  const server = createServer((request, response) => {
    const controller = new AbortController();
    running.add(controller);
    response.once('close', () => {
      // The client went away (or the response ended): stop generating at once.
      if (!response.writableFinished) controller.abort(new Error('The client disconnected'));
      running.delete(controller);
    });
    handle(request, response, controller.signal).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, 500, messageOf(error), 'server_error');
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse, signal: AbortSignal) {
    const path = (request.url ?? '/').split('?')[0]!.replace(/\/+$/, '');
    if (!authorized(request.headers.authorization)) {
      request.resume();
      return sendError(
        response,
        401,
        'Missing or wrong API key: send Authorization: Bearer <token>.',
        'invalid_request_error',
        'invalid_api_key',
      );
    }
    if (path === '/v1/models' || path === '/models') {
      if (request.method !== 'GET') return methodNotAllowed(request, response, 'GET');
      return sendJson(response, 200, {
        object: 'list',
        data: [{ id: engine.modelId, object: 'model', created: 0, owned_by: 'local' }],
      });
    }
    if (path === '/v1/completions' || path === '/completions') {
      if (request.method !== 'POST') return methodNotAllowed(request, response, 'POST');
      return complete(request, response, signal);
    }
    request.resume();
    return sendError(
      response,
      404,
      `Unknown path: ${path.slice(0, 200)}`,
      'invalid_request_error',
      'not_found',
    );
  }

  function authorized(header: string | undefined): boolean {
    if (!header) return false;
    const given = Buffer.from(header);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  async function complete(request: IncomingMessage, response: ServerResponse, signal: AbortSignal) {
    const body = await readBody(request, MAX_BODY_BYTES);
    if (body === null)
      return sendError(response, 413, 'The request body is too large', 'invalid_request_error');
    let events: AsyncGenerator<EngineEvent, void, undefined>;
    let first: IteratorResult<EngineEvent, void>;
    let stream: boolean;
    let withLogprobs: boolean;
    try {
      const parsed = parseCompletionBody(body);
      stream = parsed.stream;
      withLogprobs = parsed.request.logprobs !== null && parsed.request.logprobs !== undefined;
      events = engine.complete(parsed.request, signal);
      // The first event decides the status: a request the engine refuses is still a plain 400.
      first = await events.next();
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof EngineInputError) {
        return sendError(response, 400, error.message, 'invalid_request_error', null, error.param);
      }
      throw error;
    }
    const meta = newResponseMeta(engine.modelId, withLogprobs);
    try {
      if (!stream) {
        const collector = new CompletionCollector();
        for (let next = first; !next.done; next = await events.next()) collector.add(next.value);
        return sendJson(response, 200, collector.body(meta));
      }
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      const chunker = new StreamChunker(meta);
      for (let next = first; !next.done; next = await events.next()) {
        for (const chunk of chunker.chunks(next.value))
          await write(response, `data: ${JSON.stringify(chunk)}\n\n`);
      }
      response.end('data: [DONE]\n\n');
    } catch (error) {
      if (signal.aborted) return;
      if (!response.headersSent) throw error;
      // Mid-stream: an error frame as OpenAI sends one, then the end.
      const frame = { error: { message: messageOf(error), type: 'server_error', param: null, code: null } };
      response.end(`data: ${JSON.stringify(frame)}\n\ndata: [DONE]\n\n`);
    } finally {
      await events.return(undefined);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    token,
    close() {
      closed ??= new Promise<void>((resolve) => {
        for (const controller of running) controller.abort(new Error('The local server was closed'));
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

/** Writes, waiting for the socket to drain when its buffer is full (or for it to close). */
function write(response: ServerResponse, text: string): Promise<void> {
  if (response.write(text)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.once('drain', done);
    response.once('close', done);
  });
}

/** The body as UTF-8 text, or null when it exceeds `limit` bytes. */
function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        resolve(null);
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function methodNotAllowed(request: IncomingMessage, response: ServerResponse, allow: string) {
  request.resume();
  response.setHeader('allow', allow);
  sendError(
    response,
    405,
    `Method ${request.method ?? ''} is not allowed here; use ${allow}.`,
    'invalid_request_error',
  );
}

function sendError(
  response: ServerResponse,
  status: number,
  message: string,
  type: string,
  code: string | null = null,
  param: string | null = null,
) {
  sendJson(response, status, { error: { message, type, param, code } });
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
