import type { z } from 'zod';
import {
  isRouteName,
  routes,
  type EventName,
  type EventPayload,
  type RouteName,
  type RouteOutput,
  type Routes,
} from '@shared/contracts/api';
import type { InvokeReply } from '@shared/contracts/wire';

/** Who called: one Electron window or one browser-mode WebSocket connection. */
export interface ClientContext {
  clientId: string;
  /** Send an event to this client only. */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
}

export type Handlers = {
  [N in RouteName]: (
    input: z.output<Routes[N]['input']>,
    ctx: ClientContext,
  ) => Promise<RouteOutput<N>> | RouteOutput<N>;
};

/** The main-process services behind either transport. */
export interface AppServices {
  handlers: Handlers;
  /** A window closed or a socket dropped: abort what it started. */
  clientClosed(clientId: string): void;
  dispose(): Promise<void>;
}

export interface Router {
  dispatch(name: unknown, rawInput: unknown, ctx: ClientContext): Promise<InvokeReply>;
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) =>
    // String(): a path part may be a symbol (a symbol-keyed record entry), which join() cannot print.
    issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message,
  );
}

/**
 * Validates every call against the shared contracts: unknown names are refused, input is parsed
 * (the caller is untrusted), and output is parsed too so a handler cannot leak fields the
 * contract does not list.
 */
export function createRouter(handlers: Handlers): Router {
  return {
    async dispatch(name, rawInput, ctx) {
      if (!isRouteName(name)) {
        // Not String(name): an object without a usable toString (IPC can carry one) would throw.
        const shown =
          typeof name === 'string' ? name.slice(0, 80) : `(${name === null ? 'null' : typeof name})`;
        return { ok: false, error: { message: `Unknown route: ${shown}` } };
      }
      const contract = routes[name];
      const parsedInput = contract.input.safeParse(rawInput);
      if (!parsedInput.success) {
        const issues = describeIssues(parsedInput.error);
        return { ok: false, error: { message: `Invalid input for ${name}: ${issues.join('; ')}`, issues } };
      }
      try {
        const handler = handlers[name] as (input: unknown, ctx: ClientContext) => unknown;
        const output = await handler(parsedInput.data, ctx);
        const parsedOutput = contract.output.safeParse(output);
        if (!parsedOutput.success) {
          return {
            ok: false,
            error: {
              message: `Internal error: ${name} returned an invalid result`,
              issues: describeIssues(parsedOutput.error),
            },
          };
        }
        return { ok: true, output: parsedOutput.data };
      } catch (error) {
        return { ok: false, error: { message: error instanceof Error ? error.message : String(error) } };
      }
    },
  };
}
