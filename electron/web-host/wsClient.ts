import { WebSocket, type RawData } from 'ws';
import { wsClientMessageSchema, type InvokeReply, type WsHostMessage } from '@shared/contracts/wire';
import type { ClientContext, Router } from '../services/router';
import { stringifyWire } from '@shared/wire/wireJson';
import { nodeBase64 } from './nodeBase64';

/** Above this many queued bytes the client is not keeping up; we say so once. */
export const BACKPRESSURE_WARN_BYTES = 8 * 1024 * 1024;

export interface WsClientOptions {
  socket: WebSocket;
  clientId: string;
  router: Router;
  onClosed(clientId: string): void;
  log?: (message: string) => void;
}

function readId(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null || !('id' in value)) return undefined;
  const id = (value as { id: unknown }).id;
  // Safe integers only, like the wire contracts: a reply to 2**53 + 2 would break the client's contract.
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : undefined;
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

/**
 * One browser tab: invoke messages go through the router, replies and this client's events come
 * back on the same socket. Sending never throws; a closed socket drops what is sent.
 */
export function attachWsClient({
  socket,
  clientId,
  router,
  onClosed,
  log = console.error,
}: WsClientOptions): void {
  let warnedBackpressure = false;

  const send = (message: WsHostMessage): void => {
    if (socket.readyState !== WebSocket.OPEN) return;
    if (!warnedBackpressure && socket.bufferedAmount > BACKPRESSURE_WARN_BYTES) {
      warnedBackpressure = true;
      log(`[web-host] ${clientId} is slow: ${socket.bufferedAmount} bytes waiting to be sent`);
    }
    try {
      socket.send(stringifyWire(message, nodeBase64), (error) => {
        if (error) log(`[web-host] send to ${clientId} failed: ${error.message}`);
      });
    } catch (error) {
      log(`[web-host] send to ${clientId} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const reply = (id: number, invokeReply: InvokeReply): void =>
    send({ type: 'reply', id, reply: invokeReply });

  const ctx: ClientContext = {
    clientId,
    emit: (name, payload) => send({ type: 'event', event: { name, payload } }),
  };

  socket.on('message', (data, isBinary) => {
    if (isBinary) return;
    let json: unknown;
    try {
      json = JSON.parse(rawToString(data));
    } catch {
      return;
    }
    const parsed = wsClientMessageSchema.safeParse(json);
    if (!parsed.success) {
      const id = readId(json);
      if (id !== undefined) {
        // Which field of the envelope is wrong ({type: 'invoke', id, name, input}), not just "invalid".
        const issues = parsed.error.issues.map((issue) =>
          issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message,
        );
        reply(id, { ok: false, error: { message: `Invalid message: ${issues.join('; ')}`, issues } });
      }
      return;
    }
    const { id, name, input } = parsed.data;
    router.dispatch(name, input, ctx).then(
      (result) => reply(id, result),
      (error: unknown) =>
        reply(id, { ok: false, error: { message: error instanceof Error ? error.message : String(error) } }),
    );
  });

  socket.on('error', (error) => log(`[web-host] ${clientId} socket error: ${error.message}`));
  socket.once('close', () => onClosed(clientId));
}
