import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '@shared/contracts/channels';
import type { InvokeReply } from '@shared/contracts/wire';
import type { AppServices, ClientContext, Router } from '../services/router';

/** `protocol//host` of a URL (what an origin is, also for custom schemes whose `origin` is "null"). */
export function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.host ? `${url.protocol}//${url.host}` : null;
  } catch {
    return null;
  }
}

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * Why a call must be refused, or null when it comes from the main frame of one of our windows
 * showing our origin (Electron checklist item 17).
 */
export function senderProblem(
  event: SenderEvent,
  isOurWindow: (webContents: WebContents) => boolean,
  expectedOrigin: string,
): string | null {
  if (!isOurWindow(event.sender)) return 'not one of our windows';
  const frame = event.senderFrame;
  if (!frame) return 'no sender frame';
  if (frame.parent !== null) return 'not the main frame';
  const origin = originOf(frame.url);
  if (origin === null || origin !== originOf(expectedOrigin)) return `unexpected origin ${String(origin)}`;
  return null;
}

export interface RegisterIpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  router: Router;
  services: Pick<AppServices, 'clientClosed'>;
  isOurWindow(webContents: WebContents): boolean;
  /** e.g. `app://renderer`, or the dev server origin in development. */
  expectedOrigin: string;
  log?: (message: string) => void;
}

/** The one invoke handler. Idempotent: registering again replaces the previous handler. */
export function registerIpc(options: RegisterIpcOptions): void {
  const { ipcMain, router, services, isOurWindow, expectedOrigin, log = console.error } = options;
  const tracked = new Set<number>();

  const track = (webContents: WebContents, clientId: string): void => {
    if (tracked.has(webContents.id)) return;
    tracked.add(webContents.id);
    const closed = () => {
      try {
        services.clientClosed(clientId);
      } catch (error) {
        log(
          `[main] clientClosed(${clientId}) failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    };
    webContents.once('destroyed', () => {
      tracked.delete(webContents.id);
      closed();
    });
    // A crashed or reloaded page no longer listens for the runs it started.
    webContents.on('render-process-gone', closed);
    webContents.on('did-navigate', closed);
  };

  ipcMain.removeHandler(INVOKE_CHANNEL);
  ipcMain.handle(INVOKE_CHANNEL, async (event, name: unknown, input: unknown): Promise<InvokeReply> => {
    const problem = senderProblem(event, isOurWindow, expectedOrigin);
    if (problem) {
      // Not String(name): a hostile sender's object may have no usable toString.
      const shown =
        typeof name === 'string' ? name.slice(0, 80) : `(${name === null ? 'null' : typeof name})`;
      log(`[main] refused IPC call ${shown}: ${problem}`);
      return { ok: false, error: { message: 'Refused: the caller is not the app window' } };
    }
    const webContents = event.sender;
    const clientId = `window:${webContents.id}`;
    track(webContents, clientId);
    const ctx: ClientContext = {
      clientId,
      emit: (eventName, payload) => {
        if (webContents.isDestroyed()) return;
        try {
          webContents.send(EVENT_CHANNEL, { name: eventName, payload });
        } catch (error) {
          log(
            `[main] event ${eventName} not sent: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      },
    };
    return router.dispatch(name, input, ctx);
  });
}
