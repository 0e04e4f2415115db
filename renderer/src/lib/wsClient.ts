import {
  events,
  isEventName,
  isRouteName,
  routes,
  type AppApi,
  type EventName,
  type EventPayload,
  type RouteInput,
  type RouteName,
  type RouteOutput,
} from '@shared/contracts/api';
import { WEBSOCKET_PATH } from '@shared/contracts/channels';
import { wsHostMessageSchema, type WsClientMessage } from '@shared/contracts/wire';
import { ConnectionLostError, RouteCallError } from './routeError';
import { parseWire } from '@shared/wire/wireJson';
import { browserBase64 } from './browserBase64';

export type ConnectionStatus = 'connecting' | 'open' | 'closed';

/** Whether the transport is up; the Electron transport is always `open`. */
export interface ConnectionMonitor {
  getStatus(): ConnectionStatus;
  subscribe(listener: () => void): () => void;
}

export interface WsClient extends AppApi, ConnectionMonitor {
  close(): void;
}

/** The part of the DOM `WebSocket` the client uses (a fake one in tests). */
export interface SocketLike {
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export interface WsClientOptions {
  url: string;
  createSocket?: (url: string) => SocketLike;
  /** Reports messages that fail validation (default: console.warn). */
  warn?: (message: string) => void;
}

/** `ws(s)://host/api?token=…` for the page at `location`. */
export function webSocketUrl(location: { protocol: string; host: string }, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${WEBSOCKET_PATH}?token=${encodeURIComponent(token)}`;
}

interface Pending {
  name: RouteName;
  resolve(output: unknown): void;
  reject(error: Error): void;
}

type Listener = (payload: unknown) => void;

/**
 * Browser-mode `AppApi` over the loopback WebSocket (shared/contracts/wire.ts). Replies are parsed
 * with the route's output schema and events with the event schema; when the socket closes every
 * pending call is rejected and the status turns `closed` for good.
 */
export function createWsClient(options: WsClientOptions): WsClient {
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const createSocket = options.createSocket ?? ((url: string): SocketLike => new WebSocket(url));
  const socket = createSocket(options.url);
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<Listener>>();
  const statusListeners = new Set<() => void>();
  let outbox: string[] = [];
  let status: ConnectionStatus = 'connecting';
  let nextId = 0;

  function setStatus(next: ConnectionStatus): void {
    if (status === next || status === 'closed') return;
    status = next;
    for (const listener of [...statusListeners]) listener();
  }

  socket.addEventListener('open', () => {
    setStatus('open');
    const queued = outbox;
    outbox = [];
    for (const message of queued) socket.send(message);
  });

  const closed = (): void => {
    if (status === 'closed') return;
    setStatus('closed');
    outbox = [];
    const waiting = [...pending.values()];
    pending.clear();
    for (const call of waiting) call.reject(new ConnectionLostError());
  };
  socket.addEventListener('close', closed);
  socket.addEventListener('error', closed);

  socket.addEventListener('message', (event) => {
    if (typeof event.data !== 'string') return warn('Ignored a binary message from the host');
    let json: unknown;
    try {
      json = parseWire(event.data, browserBase64);
    } catch {
      return warn('Ignored a message from the host that is not JSON (or has damaged binary data)');
    }
    const parsed = wsHostMessageSchema.safeParse(json);
    if (!parsed.success) return warn('Ignored a malformed message from the host');
    const message = parsed.data;
    if (message.type === 'reply') {
      const call = pending.get(message.id);
      if (!call) return;
      pending.delete(message.id);
      const { reply } = message;
      if (!reply.ok) return call.reject(new RouteCallError(reply.error.message, reply.error.issues));
      const output = routes[call.name].output.safeParse(reply.output);
      if (!output.success) {
        return call.reject(new RouteCallError(`The host sent an invalid reply to ${call.name}`));
      }
      return call.resolve(output.data);
    }
    const { name, payload } = message.event;
    if (!isEventName(name)) return warn(`Ignored unknown event ${name.slice(0, 60)}`);
    const eventPayload = events[name].safeParse(payload);
    if (!eventPayload.success) return warn(`Ignored an invalid ${name} event`);
    for (const listener of [...(listeners.get(name) ?? [])]) listener(eventPayload.data);
  });

  return {
    invoke<N extends RouteName>(name: N, input: RouteInput<N>): Promise<RouteOutput<N>> {
      if (!isRouteName(name)) return Promise.reject(new RouteCallError(`Unknown route ${String(name)}`));
      if (status === 'closed') return Promise.reject(new ConnectionLostError());
      const id = nextId++;
      const message: WsClientMessage = { type: 'invoke', id, name, input };
      return new Promise<RouteOutput<N>>((resolve, reject) => {
        pending.set(id, { name, resolve: resolve as (output: unknown) => void, reject });
        const text = JSON.stringify(message);
        if (status === 'open') socket.send(text);
        else outbox.push(text);
      });
    },
    on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(name) ?? new Set<Listener>();
      listeners.set(name, set);
      // The payload was parsed with `events[name]`, so it has this event's type.
      const untyped = listener as Listener;
      set.add(untyped);
      return () => set.delete(untyped);
    },
    getStatus: () => status,
    subscribe(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    close() {
      socket.close();
      closed();
    },
  };
}
