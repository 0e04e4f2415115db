import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAppServices } from '../services/createAppServices';
import { createBuiltInEngines, ENGINE_HOST_ENTRY } from '../services/local/builtInEngine';
import { workerThreadChild } from '../services/local/workerThreadChild';
import { chooseConfigFile, loadConfigFile } from '../services/hosting/configFile';
import { createMemorySecretStore } from '../services/keys/secretStore';
import { defaultUserDataDir, parseWebArgs, USAGE } from './args';
import { startWebHost, type WebHost } from './host';
import { openBrowser } from './openBrowser';

/** Browser mode: `node out/main/web.js [--port N] [--no-open] [--user-data DIR] [--config FILE]`. */

const KEY_STORAGE_DESCRIPTION =
  "Browser mode keeps keys in memory for this session only; set BIFROST_API_KEY / OPENAI_API_KEY or a profile's keyEnv to use environment variables";

const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

function fail(message: string, code = 1): never {
  log(message);
  process.exit(code);
}

async function readVersion(): Promise<string> {
  try {
    const pkg: unknown = JSON.parse(
      await readFile(resolve(import.meta.dirname, '../../package.json'), 'utf8'),
    );
    const version = (pkg as { version?: unknown }).version;
    return typeof version === 'string' ? version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

async function main(): Promise<void> {
  const parsed = parseWebArgs(process.argv.slice(2));
  if (!parsed.ok) fail(`${parsed.message}\n\n${USAGE}`, 2);
  const options = parsed.options;
  if (options.help) {
    log(USAGE);
    return;
  }

  const rendererDir = resolve(import.meta.dirname, '../renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    fail(
      `The renderer is not built (${join(rendererDir, 'index.html')} is missing). Run \`npm run web\`, which builds first.`,
    );
  }

  const config = await loadConfigFile(chooseConfigFile(options.configFile, process.env));
  if (!config.ok) fail(config.message);

  const userDataDir = resolve(
    options.userDataDir ?? defaultUserDataDir(process.platform, process.env, homedir()),
  );
  try {
    await mkdir(userDataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    fail(
      `Cannot use the user-data folder ${userDataDir}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  const services = createAppServices({
    mode: 'web',
    version: await readVersion(),
    userDataDir,
    presets: config.profiles,
    secretStore: createMemorySecretStore(KEY_STORAGE_DESCRIPTION),
    env: process.env,
    // The built-in engine runs in a worker thread, off the host's event loop.
    localEngines: createBuiltInEngines(process.env, () =>
      workerThreadChild(join(import.meta.dirname, ENGINE_HOST_ENTRY), log),
    ),
  });

  let host: WebHost;
  try {
    host = await startWebHost({ services, rendererDir, port: options.port, log });
  } catch (error) {
    await services.dispose();
    const code = (error as NodeJS.ErrnoException).code;
    fail(
      code === 'EADDRINUSE'
        ? `Port ${options.port} is already in use; pick another with --port or use --port 0.`
        : `The web host could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    // A wrapper script may forward the terminal's Ctrl+C we already got; the timer below bounds shutdown.
    if (stopping) return;
    stopping = true;
    log(`[web-host] ${signal}: shutting down`);
    const forceExit = setTimeout(() => process.exit(0), 5_000);
    forceExit.unref();
    host
      .close()
      .then(() => services.dispose())
      .catch((error: unknown) =>
        log(`[web-host] shutdown: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  log(`[web-host] user data: ${userDataDir}${config.file ? `; config: ${config.file}` : ''}`);
  for (const warning of await services.startupWarnings()) log(`[web-host] ${warning}`);
  process.stdout.write(`Playground running at ${host.url}\n`);
  if (options.open) openBrowser(host.url);
}

main().catch((error: unknown) => {
  fail(`The web host failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
});
