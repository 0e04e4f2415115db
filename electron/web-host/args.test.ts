import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultUserDataDir, parseWebArgs } from './args';

describe('parseWebArgs', () => {
  it('defaults to any port, opening the browser', () => {
    expect(parseWebArgs([])).toEqual({ ok: true, options: { port: 0, open: true, help: false } });
  });

  it('reads every option, in both spellings', () => {
    expect(parseWebArgs(['--port', '8123', '--no-open', '--user-data', '/d', '--config=/c.json'])).toEqual({
      ok: true,
      options: { port: 8123, open: false, help: false, userDataDir: '/d', configFile: '/c.json' },
    });
    expect(parseWebArgs(['--port=0'])).toMatchObject({ ok: true, options: { port: 0 } });
  });

  it('refuses bad ports, unknown options, positionals and missing values', () => {
    for (const argv of [
      ['--port', 'abc'],
      ['--port', '70000'],
      ['--port', '-1'],
      ['--port', '1.5'],
      ['--bogus'],
      ['extra'],
      ['--config'],
      ['--user-data='],
    ]) {
      expect(parseWebArgs(argv).ok, argv.join(' ')).toBe(false);
    }
  });
});

describe('defaultUserDataDir', () => {
  it('matches the folders Electron uses', () => {
    expect(defaultUserDataDir('linux', {}, '/home/u')).toBe(
      join('/home/u', '.config', 'Completions Playground'),
    );
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/u')).toBe(
      join('/x', 'Completions Playground'),
    );
    expect(defaultUserDataDir('darwin', {}, '/Users/u')).toBe(
      join('/Users/u', 'Library', 'Application Support', 'Completions Playground'),
    );
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\AppData' }, 'C:\\u')).toBe(
      join('C:\\AppData', 'Completions Playground'),
    );
  });
});
