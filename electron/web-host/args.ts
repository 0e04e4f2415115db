import { join } from 'node:path';
import { parseArgs } from 'node:util';

export const PRODUCT_NAME = 'Completions Playground';

export const USAGE = `Usage: npm run web -- [--port N] [--no-open] [--user-data DIR] [--config FILE]

  --port N          Port on 127.0.0.1 (default 0: any free port)
  --no-open         Do not open a browser; just print the URL
  --user-data DIR   Folder for profiles (default: the Electron app's folder)
  --config FILE     JSON file with preset profiles (also: env PLAYGROUND_CONFIG)`;

export interface WebCliOptions {
  port: number;
  open: boolean;
  userDataDir?: string;
  configFile?: string;
  help: boolean;
}

export type ParsedArgs = { ok: true; options: WebCliOptions } | { ok: false; message: string };

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return 0;
  if (!/^\d{1,5}$/.test(value)) return undefined;
  const port = Number(value);
  return port <= 65535 ? port : undefined;
}

/** Pure: parses the web host's command line (without `node` and the script). */
export function parseWebArgs(argv: readonly string[]): ParsedArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        'no-open': { type: 'boolean' },
        'user-data': { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const port = parsePort(values['port'] as string | undefined);
  if (port === undefined) return { ok: false, message: `--port must be a number from 0 to 65535` };
  const userDataDir = values['user-data'] as string | undefined;
  const configFile = values['config'] as string | undefined;
  if (userDataDir === '') return { ok: false, message: '--user-data needs a folder' };
  if (configFile === '') return { ok: false, message: '--config needs a file' };
  return {
    ok: true,
    options: {
      port,
      open: values['no-open'] !== true,
      help: values['help'] === true,
      ...(userDataDir ? { userDataDir } : {}),
      ...(configFile ? { configFile } : {}),
    },
  };
}

/** The folder Electron's `app.getPath('userData')` uses for this app, so both modes share profiles. */
export function defaultUserDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return join(env['APPDATA'] || join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), PRODUCT_NAME);
}
