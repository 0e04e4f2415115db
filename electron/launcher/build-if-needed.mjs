// Builds with electron-vite when the outputs are missing or older than the sources.
// Plain Node 20, no dependencies. Build output goes to stderr so stdout stays clean.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const SOURCE_DIRS = ['renderer', 'shared', 'electron'];
export const SOURCE_FILES = ['electron.vite.config.ts'];
export const WEB_OUTPUTS = ['out/main/web.js', 'out/renderer/index.html'];
export const ELECTRON_OUTPUTS = [...WEB_OUTPUTS, 'out/main/index.js', 'out/preload/index.cjs'];

const SKIPPED_DIRS = new Set(['node_modules', 'out', 'dist']);
const MAX_FILES = 20_000;

function mtimeOrUndefined(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Newest modification time of the sources under `root` (test files and dot-folders skipped). */
export function newestSourceMtime(root, dirs = SOURCE_DIRS, files = SOURCE_FILES) {
  let newest = 0;
  let seen = 0;
  const stack = dirs.map((dir) => join(root, dir));
  while (stack.length > 0 && seen < MAX_FILES) {
    const dir = stack.pop();
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) stack.push(path);
      } else if (entry.isFile() && !/\.test\.[cm]?[jt]sx?$/.test(entry.name)) {
        seen += 1;
        newest = Math.max(newest, mtimeOrUndefined(path) ?? 0);
      }
    }
  }
  for (const file of files) newest = Math.max(newest, mtimeOrUndefined(join(root, file)) ?? 0);
  return newest;
}

/** Why a build is needed (words for the log), or null when every output is newer than every source. */
export function buildReason(root, outputs) {
  let oldest = Infinity;
  for (const output of outputs) {
    const mtime = mtimeOrUndefined(join(root, output));
    if (mtime === undefined) return `${output} is missing`;
    oldest = Math.min(oldest, mtime);
  }
  return newestSourceMtime(root) > oldest ? 'sources changed since the last build' : null;
}

/** Runs `electron-vite build` when needed. Returns true when the outputs are ready. */
export function buildIfNeeded(
  outputs,
  { root = repoRoot, log = (line) => process.stderr.write(`${line}\n`) } = {},
) {
  const reason = buildReason(root, outputs);
  if (reason === null) return true;
  log(`Building the app (${reason}): electron-vite build`);
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  // stdout of the build goes to our stderr: callers keep stdout for their one line.
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.error) {
    log(`The build could not run: ${result.error.message}`);
    return false;
  }
  if (result.status !== 0) {
    log(`The build failed (exit code ${result.status ?? result.signal}).`);
    return false;
  }
  return true;
}
