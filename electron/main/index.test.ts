import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL } from '@shared/contracts/channels';

// A fake `electron` main-process module recording what the composition root does, in order.
const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const appHandlers = new Map<string, ((...args: unknown[]) => void)[]>();
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const windows: { options: Record<string, unknown>; url?: string; webContents: { id: number } }[] = [];
  return {
    calls,
    appHandlers,
    ready,
    resolveReady: () => resolveReady(),
    windows,
    ipcHandlers: new Map<string, unknown>(),
    userData: '',
  };
});

vi.mock('electron', () => {
  const { calls, appHandlers } = fake;
  class BrowserWindow {
    static fromWebContents = () => null;
    webContents = { id: 1 };
    constructor(readonly options: Record<string, unknown>) {
      calls.push('new BrowserWindow');
      fake.windows.push(this);
    }
    once() {}
    on() {}
    async loadURL(url: string) {
      (this as { url?: string }).url = url;
    }
  }
  return {
    app: {
      isPackaged: true,
      setPath: (name: string, value: string) => {
        calls.push(`setPath ${name}`);
        fake.userData = value;
      },
      getPath: () => fake.userData,
      getVersion: () => '1.2.3',
      enableSandbox: () => calls.push('enableSandbox'),
      requestSingleInstanceLock: () => {
        calls.push('requestSingleInstanceLock');
        return true;
      },
      whenReady: () => fake.ready,
      on: (name: string, handler: (...args: unknown[]) => void) => {
        appHandlers.set(name, [...(appHandlers.get(name) ?? []), handler]);
      },
      quit: () => calls.push('quit'),
      exit: (code: number) => calls.push(`exit ${code}`),
    },
    BrowserWindow,
    clipboard: { writeText: () => calls.push('clipboard.writeText') },
    dialog: { showErrorBox: (title: string) => calls.push(`showErrorBox ${title}`) },
    ipcMain: {
      handle: (channel: string, handler: unknown) => fake.ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => fake.ipcHandlers.delete(channel),
    },
    Menu: { setApplicationMenu: () => calls.push('setApplicationMenu') },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string }[]) =>
        calls.push(`registerSchemesAsPrivileged ${schemes.map((s) => s.scheme).join()}`),
      handle: (scheme: string) => calls.push(`protocol.handle ${scheme}`),
    },
    safeStorage: {
      isAsyncEncryptionAvailable: async () => true,
      encryptStringAsync: async (plain: string) => Buffer.from(plain),
      decryptStringAsync: async (cipher: Buffer) => ({ result: cipher.toString(), shouldReEncrypt: false }),
      getSelectedStorageBackend: () => 'basic_text',
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => calls.push('setPermissionRequestHandler'),
        setPermissionCheckHandler: () => calls.push('setPermissionCheckHandler'),
      },
    },
    shell: { openExternal: async () => {} },
  };
});

describe('electron/main/index (composition)', () => {
  let userData: string;
  afterAll(() => rm(userData, { recursive: true, force: true }));

  it('registers the scheme and user data before ready, then wires everything on ready', async () => {
    userData = await mkdtemp(join(tmpdir(), 'main-index-'));
    vi.stubEnv('APP_USER_DATA', userData);
    vi.stubEnv('PLAYGROUND_CONFIG', '');
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://evil.example');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await import('./index');
    expect(fake.calls).toEqual([
      'setPath userData',
      'registerSchemesAsPrivileged app',
      'enableSandbox',
      'requestSingleInstanceLock',
    ]);
    expect(fake.userData).toBe(userData);
    expect([...fake.appHandlers.keys()]).toEqual(
      expect.arrayContaining(['web-contents-created', 'window-all-closed', 'will-quit', 'second-instance']),
    );

    fake.resolveReady();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(fake.calls).toEqual(
      expect.arrayContaining([
        'setPermissionRequestHandler',
        'setPermissionCheckHandler',
        'protocol.handle app',
      ]),
    );
    // Packaged: the dev-server variable is ignored, the app loads from app://.
    const window = fake.windows[0]!;
    await vi.waitFor(() => expect(window.url).toBe('app://renderer/index.html'));
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(fake.ipcHandlers.has(INVOKE_CHANNEL)).toBe(true);
    // basic_text without the opt-in: keys stay in memory, and the log says why.
    expect(error.mock.calls.map((args) => String(args[0])).join('\n')).toMatch(/memory.*basic_text/);

    // Quitting disposes the services first, then quits for real.
    const willQuit = fake.appHandlers.get('will-quit')![0]!;
    const event = { preventDefault: vi.fn() };
    willQuit(event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(fake.calls.at(-1)).toBe('quit'));
    const again = { preventDefault: vi.fn() };
    willQuit(again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    error.mockRestore();
    vi.unstubAllEnvs();
  });
});
