import { describe, expect, it } from 'vitest';
import { browserCommand } from './openBrowser';

describe('browserCommand', () => {
  const url = 'http://127.0.0.1:1/?token=abc';
  it('uses the platform opener and passes the URL as one argument', () => {
    expect(browserCommand('linux', url)).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserCommand('darwin', url)).toEqual({ command: 'open', args: [url] });
    expect(browserCommand('win32', url)).toEqual({
      command: 'rundll32',
      args: ['url.dll,FileProtocolHandler', url],
    });
  });
});
