// npm start: build if needed, then the Electron app; browser mode when Electron cannot run here.
import { join } from 'node:path';
import { buildIfNeeded, ELECTRON_OUTPUTS, repoRoot } from './build-if-needed.mjs';
import { displayProblem, downloadElectron, findElectronBinary, launchElectron } from './electron-launch.mjs';
import { runWebHost } from './run-web.mjs';

const log = (line) => process.stderr.write(`${line}\n`);
const args = process.argv.slice(2);
const electronDir = join(repoRoot, 'node_modules', 'electron');

/** The Electron binary, downloading it on first launch; or why there is none. */
function electronBinary() {
  const display = displayProblem(process.platform, process.env);
  if (display) return { missing: display };
  const found = findElectronBinary(electronDir);
  if ('path' in found || process.env.ELECTRON_OVERRIDE_DIST_PATH) return found;
  log('Downloading the Electron binary (first launch)…');
  const download = downloadElectron(electronDir);
  if (!download.ok) return { missing: `the Electron binary is missing and its ${download.reason}` };
  return findElectronBinary(electronDir);
}

function electronEnv() {
  // `--user-data DIR` works in both modes; Electron reads it as APP_USER_DATA.
  const index = args.indexOf('--user-data');
  const userData =
    index >= 0 ? args[index + 1] : args.find((arg) => arg.startsWith('--user-data='))?.slice(12);
  return userData ? { ...process.env, APP_USER_DATA: userData } : process.env;
}

function fallBack(reason) {
  log(`Electron could not start here (${reason}); opening browser mode instead`);
  runWebHost(args);
}

if (!buildIfNeeded(ELECTRON_OUTPUTS)) process.exit(1);
const binary = electronBinary();
if ('missing' in binary) {
  fallBack(binary.missing);
} else {
  const result = await launchElectron(binary.path, [repoRoot, ...args], {
    cwd: repoRoot,
    env: electronEnv(),
  });
  if (result.started) process.exit(result.code);
  fallBack(result.reason);
}
