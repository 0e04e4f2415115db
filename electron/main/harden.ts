import type { App, Session, WebContents } from 'electron';

/**
 * The URL to hand to the OS browser, or null. Only http(s) links leave the app; anything else
 * (file:, javascript:, custom schemes, garbage) is refused.
 */
export function openExternalUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 8192) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

export interface HardenOptions {
  /** `shell.openExternal`, injected. */
  openExternal(url: string): Promise<void> | void;
  log?: (message: string) => void;
  /** Milliseconds since some epoch (tests inject a clock). */
  now?: () => number;
}

type HardenableWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Input that counts as a user gesture (what Chromium calls user activation). */
const GESTURE_INPUTS = new Set(['mouseDown', 'mouseUp', 'keyDown', 'rawKeyDown', 'keyUp', 'gestureTap']);
/** How long a gesture lets a link open (Chromium's transient activation lasts 5 s). */
export const GESTURE_WINDOW_MS = 5000;

/**
 * No navigation away from the app, no new windows (http(s) links open in the OS browser instead,
 * on a user gesture only), no <webview>.
 */
export function hardenWebContents(webContents: HardenableWebContents, options: HardenOptions): void {
  const log = options.log ?? console.error;
  const now = options.now ?? Date.now;
  // A link opens in the OS browser only right after the user clicked or typed in this window; a
  // script's window.open() on its own opens nothing.
  let lastGestureAt = Number.NEGATIVE_INFINITY;
  webContents.on('input-event', (_event, input) => {
    if (GESTURE_INPUTS.has(input.type)) lastGestureAt = now();
  });
  webContents.on('will-navigate', (event) => event.preventDefault());
  webContents.on('will-redirect', (event) => event.preventDefault());
  webContents.on('will-attach-webview', (event) => event.preventDefault());
  webContents.setWindowOpenHandler(({ url }) => {
    const external = openExternalUrl(url);
    if (external && now() - lastGestureAt > GESTURE_WINDOW_MS) {
      log(`[main] refused to open ${external}: no user gesture`);
    } else if (external) {
      Promise.resolve(options.openExternal(external)).catch((error: unknown) =>
        log(`[main] could not open ${external}: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    return { action: 'deny' };
  });
  webContents.on('preload-error', (_event, preloadPath, error) =>
    log(`[main] preload ${preloadPath} failed: ${error.message}`),
  );
}

/** Every permission (camera, notifications, clipboard read, …) is denied, requested or checked. */
export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Applies `hardenWebContents` to every webContents the app ever creates. */
export function hardenApp(app: Pick<App, 'on'>, options: HardenOptions): void {
  app.on('web-contents-created', (_event, webContents) => hardenWebContents(webContents, options));
}
