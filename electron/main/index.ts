import { join, resolve } from 'node:path';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  shell,
  utilityProcess,
  type WebContents,
} from 'electron';
import { createAppServices } from '../services/createAppServices';
import { createBuiltInEngines, ENGINE_HOST_ENTRY } from '../services/local/builtInEngine';
import { chooseConfigFile, findConfigArg, loadConfigFile } from '../services/hosting/configFile';
import { createRouter, type AppServices } from '../services/router';
import { hardenApp, hardenSession } from './harden';
import { originOf, registerIpc } from './ipc';
import { createKeyStore } from './keyStore';
import { APP_ENTRY_URL, APP_ORIGIN, appSchemePrivileges, registerAppProtocol } from './protocol';
import { utilityEngineChild } from './utilityEngineChild';
import { createMainWindow } from './windows';

// Composition only: every piece lives (and is tested) in its own module.

const log = (message: string): void => console.error(message);
const rendererDir = join(import.meta.dirname, '../renderer');
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const engineHostPath = join(import.meta.dirname, ENGINE_HOST_ENTRY);

// Before `ready` (and before the single-instance lock, which lives in userData).
if (process.env['APP_USER_DATA']) app.setPath('userData', resolve(process.env['APP_USER_DATA']));
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
app.enableSandbox();
hardenApp(app, { openExternal: (url) => shell.openExternal(url), log });

const devUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const windows = new Set<BrowserWindow>();
let services: AppServices | undefined;

function isOurWindow(webContents: WebContents): boolean {
  const window = BrowserWindow.fromWebContents(webContents);
  return window !== null && windows.has(window);
}

function openWindow(): void {
  const window = createMainWindow({
    BrowserWindow,
    preloadPath,
    url: devUrl ?? APP_ENTRY_URL,
    devTools: !app.isPackaged,
    log,
  });
  windows.add(window);
  window.on('closed', () => windows.delete(window));
}

async function start(): Promise<void> {
  const config = await loadConfigFile(chooseConfigFile(findConfigArg(process.argv), process.env));
  await app.whenReady();
  if (!config.ok) {
    log(config.message);
    dialog.showErrorBox('Completions Playground: invalid config', config.message);
    app.exit(1);
    return;
  }
  if (app.isPackaged && process.platform !== 'darwin') Menu.setApplicationMenu(null);
  hardenSession(session.defaultSession);
  registerAppProtocol({ protocol, rendererDir });
  const userDataDir = app.getPath('userData');
  const secretStore = await createKeyStore({
    safeStorage,
    platform: process.platform,
    env: process.env,
    userDataDir,
    log,
  });
  const appServices = createAppServices({
    mode: 'electron',
    version: app.getVersion(),
    userDataDir,
    presets: config.profiles,
    secretStore,
    env: process.env,
    clipboard,
    // The built-in engine runs in a utility process, never on the main process's thread.
    localEngines: createBuiltInEngines(process.env, () =>
      utilityEngineChild(utilityProcess.fork.bind(utilityProcess), engineHostPath, log),
    ),
    pickModelFile: async () => {
      const picked = await dialog.showOpenDialog({
        title: 'Choose a GGUF model',
        properties: ['openFile'],
        filters: [{ name: 'GGUF models', extensions: ['gguf'] }],
      });
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
  });
  services = appServices;
  registerIpc({
    ipcMain,
    router: createRouter(appServices.handlers),
    services: appServices,
    isOurWindow,
    expectedOrigin: (devUrl && originOf(devUrl)) || APP_ORIGIN,
    log,
  });
  openWindow();
  for (const warning of await appServices.startupWarnings()) log(`[main] ${warning}`);
  app.on('activate', () => {
    if (windows.size === 0) openWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = windows;
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed || !services) return;
    disposed = true;
    event.preventDefault();
    services
      .dispose()
      .catch((error: unknown) =>
        log(`[main] dispose failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => app.quit());
  });
  start().catch((error: unknown) => {
    log(`[main] startup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    dialog.showErrorBox(
      'Completions Playground could not start',
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
  });
}
