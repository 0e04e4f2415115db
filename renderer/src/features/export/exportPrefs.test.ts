import { describe, expect, it, vi } from 'vitest';

// The store persists through main (renderer/src/lib/api.ts needs a window): only the pure part is tested.
vi.mock('../../lib/mainStorage', () => ({ mainStorage: undefined }));
const { restoreCurlShell } = await import('./exportPrefs');

describe('restoreCurlShell', () => {
  it('keeps a known shell', () => {
    expect(restoreCurlShell({ curlShell: 'cmd' })).toBe('cmd');
    expect(restoreCurlShell({ curlShell: 'powershell' })).toBe('powershell');
  });

  it('falls back to POSIX for anything else', () => {
    for (const stored of [null, undefined, 'cmd', {}, { curlShell: 'fish' }, { curlShell: 3 }]) {
      expect(restoreCurlShell(stored)).toBe('posix');
    }
  });
});
