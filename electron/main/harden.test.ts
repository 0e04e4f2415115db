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
    hardenWebContents(asWebContents(wc), { openExternal, log: () => {} });
    return { wc, openExternal };
  };

  it('prevents every navigation, redirect and webview', () => {
    const { wc } = setup();
    expect(emitPreventable(wc, 'will-navigate', 'https://example.com').defaultPrevented).toBe(true);
    expect(emitPreventable(wc, 'will-navigate', 'app://renderer/index.html').defaultPrevented).toBe(true);
    expect(emitPreventable(wc, 'will-redirect', 'https://example.com').defaultPrevented).toBe(true);
    expect(emitPreventable(wc, 'will-attach-webview', {}, {}).defaultPrevented).toBe(true);
  });

  it('denies new windows and opens only http(s) links outside', () => {
    const { wc, openExternal } = setup();
    expect(wc.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.com/');
    openExternal.mockClear();
    expect(wc.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler?.({ url: 'app://renderer/index.html' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
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
