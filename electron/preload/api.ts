import type { IpcRenderer, IpcRendererEvent } from 'electron';
import {
  events,
  isEventName,
  isRouteName,
  routes,
  type AppApi,
  type EventName,
  type EventPayload,
  type RouteName,
  type RouteOutput,
} from '@shared/contracts/api';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '@shared/contracts/channels';
import { eventEnvelopeSchema, invokeReplySchema } from '@shared/contracts/wire';
import type { z } from 'zod';

export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on'>;

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

type Listener = (payload: unknown) => void;

/**
 * The renderer's whole view of the main process: `invoke` a route, `on` an event. Everything is
 * parsed with the shared contracts on the way out and on the way in; `ipcRenderer` itself and its
 * event objects never reach the page.
 */
export function createPreloadApi(
  ipcRenderer: IpcRendererLike,
  warn: (message: string) => void = (message) => console.warn(message),
): AppApi {
  const listeners = new Map<EventName, Set<Listener>>();
  let subscribed = false;

  const deliver = (_event: IpcRendererEvent, envelope: unknown): void => {
    const parsedEnvelope = eventEnvelopeSchema.safeParse(envelope);
    if (!parsedEnvelope.success || !isEventName(parsedEnvelope.data.name)) {
      warn('[preload] dropped a malformed event');
      return;
    }
    const name = parsedEnvelope.data.name;
    const forName = listeners.get(name);
    if (!forName?.size) return;
    const payload = events[name].safeParse(parsedEnvelope.data.payload);
    if (!payload.success) {
      warn(`[preload] dropped ${name}: ${describe(payload.error)}`);
      return;
    }
    for (const listener of [...forName]) {
      try {
        listener(payload.data);
      } catch (error) {
        warn(`[preload] a ${name} listener threw: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  const api = {
    async invoke<N extends RouteName>(name: N, input: unknown): Promise<RouteOutput<N>> {
      if (!isRouteName(name)) throw new Error(`Unknown route: ${String(name).slice(0, 80)}`);
      const contract = routes[name];
      const parsedInput = contract.input.safeParse(input);
      if (!parsedInput.success) throw new Error(`Invalid input for ${name}: ${describe(parsedInput.error)}`);
      // The raw input goes over the wire: main parses it again with the same schema.
      const rawReply: unknown = await ipcRenderer.invoke(INVOKE_CHANNEL, name, input);
      const reply = invokeReplySchema.safeParse(rawReply);
      if (!reply.success) throw new Error(`Malformed reply for ${name}`);
      if (!reply.data.ok) throw new Error(reply.data.error.message);
      const output = contract.output.safeParse(reply.data.output);
      if (!output.success) throw new Error(`Invalid output from ${name}: ${describe(output.error)}`);
      return output.data as RouteOutput<N>;
    },

    on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
      if (!isEventName(name)) throw new Error(`Unknown event: ${String(name).slice(0, 80)}`);
      if (typeof listener !== 'function') throw new Error('The listener must be a function');
      if (!subscribed) {
        ipcRenderer.on(EVENT_CHANNEL, deliver);
        subscribed = true;
      }
      const wrapped: Listener = (payload) => listener(payload as EventPayload<E>);
      const forName = listeners.get(name) ?? new Set<Listener>();
      forName.add(wrapped);
      listeners.set(name, forName);
      return () => {
        forName.delete(wrapped);
      };
    },
  } satisfies AppApi;
  return api;
}
