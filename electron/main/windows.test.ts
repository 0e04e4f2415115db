import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { createMainWindow } from './windows';

class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  shown = false;
  loaded: string[] = [];
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  show() {
    this.shown = true;
  }
  async loadURL(url: string) {
    this.loaded.push(url);
  }
}

describe('createMainWindow', () => {
  const create = () =>
    createMainWindow({
      BrowserWindow: FakeBrowserWindow as unknown as Parameters<typeof createMainWindow>[0]['BrowserWindow'],
      preloadPath: '/app/out/preload/index.cjs',
      url: 'app://renderer/index.html',
    }) as unknown as FakeBrowserWindow;

  it('uses the secure webPreferences and the preload', () => {
    const window = create();
    expect(window.options.webPreferences).toEqual(
      expect.objectContaining({
        preload: '/app/out/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webviewTag: false,
        spellcheck: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        disableBlinkFeatures: 'Auxclick',
        devTools: false,
      }),
    );
    expect(window.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(window.options.backgroundColor).toBeTruthy();
  });

  it('stays hidden until ready-to-show and loads the app URL', () => {
    const window = create();
    expect(window.options.show).toBe(false);
    expect(window.shown).toBe(false);
    expect(window.loaded).toEqual(['app://renderer/index.html']);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });
});
