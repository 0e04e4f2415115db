import type {
  BrowserWindow as BrowserWindowClass,
  BrowserWindowConstructorOptions,
  WebPreferences,
} from 'electron';

/** The only webPreferences any window of this app gets (Electron security checklist). */
export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
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
  };
}

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
    webPreferences: secureWebPreferences(preloadPath, devTools),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(url).catch((error: unknown) => {
    log(`[main] could not load ${url}: ${error instanceof Error ? error.message : String(error)}`);
  });
  return window;
}
