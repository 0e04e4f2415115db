import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { hardenApp, hardenSession, hardenWebContents, openExternalUrl } from './harden';
import { emitPreventable, FakeWebContents } from './testing/fakeElectron';

const asWebContents = (fake: FakeWebContents) => fake as unknown as WebContents;

describe('openExternalUrl', () => {
  it('allows only http and https URLs', () => {
    expect(openExternalUrl('https://example.com/a?b#c')).toBe('https://example.com/a?b#c');
    expect(openExternalUrl('http://example.com')).toBe('http://example.com/');
    for (const value of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://renderer/index.html',
      'smb://host/share',
      'ms-settings:',
      'not a url',
      '',
      42,
      null,
      undefined,
      { href: 'https://x' },
    ]) {
      expect(openExternalUrl(value), String(value)).toBeNull();
    }
  });
});

describe('hardenWebContents', () => {
  const setup = () => {
    const wc = new FakeWebContents();
    const openExternal = vi.fn();
    const clock = { now: 100_000 };
    const logged: string[] = [];
    hardenWebContents(asWebContents(wc), {
      openExternal,
      log: (line) => logged.push(line),
      now: () => clock.now,
    });
    const click = () => wc.emit('input-event', {}, { type: 'mouseUp' });
    return { wc, openExternal, clock, click, logged };
  };

  it('prevents every navigation, redirect and webview', () => {
    const { wc } = setup();
    expect(emitPreventable(wc, 'will-navigate', 'https://example.com').defaultPrevented).toBe(true);
    expect(emitPreventable(wc, 'will-navigate', 'app://renderer/index.html').defaultPrevented).toBe(true);
    expect(emitPreventable(wc, 'will-redirect', 'https://example.com').defaultPrevented).toBe(true);
    expect(emitPreventable(wc, 'will-attach-webview', {}, {}).defaultPrevented).toBe(true);
  });

  it('denies new windows and opens only http(s) links outside', () => {
    const { wc, openExternal, click } = setup();
    click();
    expect(wc.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.com/');
    openExternal.mockClear();
    expect(wc.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler?.({ url: 'app://renderer/index.html' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('opens a link only right after a user gesture in the window, never from a script alone', () => {
    const { wc, openExternal, clock, click, logged } = setup();
    expect(wc.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(logged).toEqual(['[main] refused to open https://example.com/: no user gesture']);
    wc.emit('input-event', {}, { type: 'mouseMove' }); // hovering is not a gesture
    expect(wc.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    click();
    clock.now += 4_000;
    wc.windowOpenHandler?.({ url: 'https://example.com/docs' });
    expect(openExternal).toHaveBeenCalledWith('https://example.com/docs');
    clock.now += 6_000; // the gesture has expired
    wc.windowOpenHandler?.({ url: 'https://example.com/later' });
    expect(openExternal).toHaveBeenCalledTimes(1);
    wc.emit('input-event', {}, { type: 'keyDown' });
    wc.windowOpenHandler?.({ url: 'https://example.com/key' });
    expect(openExternal).toHaveBeenLastCalledWith('https://example.com/key');
  });

  it('is applied to every webContents the app creates', () => {
    const app = new EventEmitter();
    const openExternal = vi.fn();
    hardenApp(app as unknown as Parameters<typeof hardenApp>[0], { openExternal });
    const wc = new FakeWebContents();
    app.emit('web-contents-created', {}, wc);
    expect(emitPreventable(wc, 'will-navigate', 'https://example.com').defaultPrevented).toBe(true);
    expect(wc.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('hardenSession', () => {
  it('denies permission requests and checks', () => {
    let request: Parameters<Session['setPermissionRequestHandler']>[0] = null;
    let check: Parameters<Session['setPermissionCheckHandler']>[0] = null;
    hardenSession({
      setPermissionRequestHandler: (handler) => (request = handler),
      setPermissionCheckHandler: (handler) => (check = handler),
    });
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation'] as const) {
      const callback = vi.fn();
      request!({} as WebContents, permission, callback, {} as never);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!(null, permission, 'app://renderer', {} as never)).toBe(false);
    }
  });
});
