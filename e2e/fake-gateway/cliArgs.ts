export interface CliOptions {
  port: number;
  tokensPerSecond: number;
  requiredKey: string | undefined;
}

export type CliParse =
  { kind: 'run'; options: CliOptions } | { kind: 'help' } | { kind: 'error'; message: string };

export const USAGE = `Usage: npm run fake-gateway -- [--port N] [--tps N] [--required-key K]
  --port N           port on 127.0.0.1 (default 8080; 0 = any free port)
  --tps N            streaming speed in tokens per second (default 0 = unlimited)
  --required-key K   require x-bf-vk: K or Authorization: Bearer K`;

/** Parses `--port N`, `--tps N`, `--required-key K` (also `--name=value`). */
export function parseCliArgs(argv: readonly string[]): CliParse {
  const options: CliOptions = { port: 8080, tokensPerSecond: 0, requiredKey: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (name !== '--port' && name !== '--tps' && name !== '--required-key') {
      return { kind: 'error', message: `Unknown argument: ${arg}` };
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') return { kind: 'error', message: `${name} needs a value` };
    if (name === '--required-key') {
      options.requiredKey = value;
      continue;
    }
    const number = Number(value);
    if (name === '--port') {
      if (!Number.isInteger(number) || number < 0 || number > 65535) {
        return { kind: 'error', message: `--port must be an integer from 0 to 65535, got ${value}` };
      }
      options.port = number;
    } else {
      if (!Number.isFinite(number) || number < 0) {
        return { kind: 'error', message: `--tps must be a number >= 0, got ${value}` };
      }
      options.tokensPerSecond = number;
    }
  }
  return { kind: 'run', options };
}
