import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '@shared/contracts/channels';
import { createRouter } from '../services/router';
import { createFakeServices } from '../web-host/testing/fakeServices';
import { originOf, registerIpc } from './ipc';
import { FakeWebContents } from './testing/fakeElectron';

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function setup() {
  const handlers = new Map<string, InvokeHandler>();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: InvokeHandler) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
  const services = createFakeServices();
  const router = createRouter(services.handlers);
  const dispatch = vi.spyOn(router, 'dispatch');
  const ours = new Set<FakeWebContents>();
  const register = () =>
    registerIpc({
      ipcMain: ipcMain as unknown as Parameters<typeof registerIpc>[0]['ipcMain'],
      router,
      services,
      isOurWindow: (wc) => ours.has(wc as unknown as FakeWebContents),
      expectedOrigin: 'app://renderer',
      log: () => {},
    });
  register();
  const window = () => {
    const wc = new FakeWebContents();
    ours.add(wc);
    return wc;
  };
  const call = (
    wc: FakeWebContents,
    name: unknown,
    input: unknown,
    frame: { url: string; parent: unknown } | null = { url: 'app://renderer/index.html', parent: null },
  ) => {
    const event = {
      sender: wc as unknown as WebContents,
      senderFrame: frame,
    } as unknown as IpcMainInvokeEvent;
    return handlers.get(INVOKE_CHANNEL)!(event, name, input);
  };
  return { ipcMain, services, dispatch, register, window, call, handlers };
}

describe('originOf', () => {
  it('compares scheme and host, not prefixes', () => {
    expect(originOf('app://renderer/index.html')).toBe('app://renderer');
    expect(originOf('app://renderer.evil/index.html')).toBe('app://renderer.evil');
    expect(originOf('http://localhost:5173/x')).toBe('http://localhost:5173');
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('nonsense')).toBeNull();
  });
});

describe('registerIpc', () => {
  it('is idempotent: registering twice replaces the handler', () => {
    const { register, ipcMain, handlers } = setup();
    expect(() => register()).not.toThrow();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(INVOKE_CHANNEL);
    expect([...handlers.keys()]).toEqual([INVOKE_CHANNEL]);
  });

  it('passes a call from our window to the router', async () => {
    const { window, call, dispatch } = setup();
    const wc = window();
    const reply = await call(wc, 'app.info', {});
    expect(reply).toEqual({ ok: true, output: expect.objectContaining({ mode: 'web', version: '9.9.9' }) });
    expect(dispatch).toHaveBeenCalledWith(
      'app.info',
      {},
      expect.objectContaining({ clientId: `window:${wc.id}` }),
    );
  });

  it('refuses unknown windows, missing frames, subframes and other origins without reaching the router', async () => {
    const { window, call, dispatch } = setup();
    const stranger = new FakeWebContents();
    const wc = window();
    const refused = [
      await call(stranger, 'app.info', {}),
      await call(wc, 'app.info', {}, null),
      await call(wc, 'app.info', {}, { url: 'app://renderer/index.html', parent: {} }),
      await call(wc, 'app.info', {}, { url: 'https://evil.example/', parent: null }),
      await call(wc, 'app.info', {}, { url: 'app://renderer.evil.example/index.html', parent: null }),
      await call(wc, 'app.info', {}, { url: 'app://other/index.html', parent: null }),
      await call(wc, 'app.info', {}, { url: 'file:///app/index.html', parent: null }),
      await call(wc, 'app.info', {}, { url: 'about:blank', parent: null }),
    ];
    for (const reply of refused)
      expect(reply).toEqual({ ok: false, error: { message: expect.stringMatching(/^Refused/) } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a foreign sender whose route name is a hostile object, without throwing', async () => {
    const { call, dispatch } = setup();
    const stranger = new FakeWebContents();
    const hostile = Object.create(null) as object; // String(hostile) would throw
    await expect(call(stranger, hostile, {})).resolves.toEqual({
      ok: false,
      error: { message: expect.stringMatching(/^Refused/) },
    });
    await expect(call(stranger, { toString: 0 }, {})).resolves.toMatchObject({ ok: false });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('sends events only to the window whose call emitted them', async () => {
    const { window, call } = setup();
    const a = window();
    const b = window();
    await call(b, 'app.info', {});
    expect(await call(a, 'profiles.list', {})).toEqual({ ok: true, output: [] });
    expect(a.sent).toEqual([{ channel: EVENT_CHANNEL, args: [{ name: 'profiles.changed', payload: {} }] }]);
    expect(b.sent).toEqual([]);
  });

  it('drops events for a destroyed window and reports it closed', async () => {
    const { window, call, services } = setup();
    const wc = window();
    await call(wc, 'app.info', {});
    await call(wc, 'app.info', {});
    wc.destroy();
    expect(services.closed).toEqual([`window:${wc.id}`]);
    expect(await call(wc, 'profiles.list', {})).toMatchObject({ ok: true });
    expect(wc.sent).toEqual([]);
  });

  it('reports a reload or crash as the client closing', async () => {
    const { window, call, services } = setup();
    const wc = window();
    await call(wc, 'app.info', {});
    wc.emit('did-navigate');
    wc.emit('render-process-gone');
    expect(services.closed).toEqual([`window:${wc.id}`, `window:${wc.id}`]);
  });
});
