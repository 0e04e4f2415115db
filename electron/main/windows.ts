import type { BrowserWindow as BrowserWindowClass, BrowserWindowConstructorOptions } from 'electron';

export interface CreateMainWindowOptions {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindowClass;
  preloadPath: string;
  url: string;
  devTools?: boolean;
  backgroundColor?: string;
  log?: (message: string) => void;
}

/** The app window: hidden until the first paint, then shown; loads `url` (app://renderer/…). */
export function createMainWindow(options: CreateMainWindowOptions): BrowserWindowClass {
  const { BrowserWindow, preloadPath, url, devTools = false, log = console.error } = options;
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Completions Playground',
    backgroundColor: options.backgroundColor ?? '#ffffff',
    // The only webPreferences any window of this app gets (Electron's security checklist), written
    // as a literal here so that static audits (electronegativity) read them.
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(url).catch((error: unknown) => {
    log(`[main] could not load ${url}: ${error instanceof Error ? error.message : String(error)}`);
  });
  return window;
}
