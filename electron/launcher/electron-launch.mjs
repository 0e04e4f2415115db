// Finding, downloading and launching the Electron binary, with a clear reason when it cannot run.
// Electron 42+ downloads its binary on first launch (node_modules/electron/index.js runs install.js
// when path.txt or dist/ is missing, and throws "Electron failed to install correctly" when that
// fails). We do the same steps ourselves so that a failure is a reason, not a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Electron needs a display on Linux; without one it exits at once. */
export function displayProblem(platform, env) {
  if (platform !== 'linux') return null;
  return env.DISPLAY || env.WAYLAND_DISPLAY ? null : 'no display: DISPLAY and WAYLAND_DISPLAY are unset';
}

/** Where the binary is, looking on disk only (requiring `electron` would start a download). */
export function findElectronBinary(electronDir, env = process.env) {
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(candidate)
      ? { path: candidate }
      : { missing: `ELECTRON_OVERRIDE_DIST_PATH has no binary at ${candidate}` };
  }
  if (!relative) return { missing: 'the Electron binary is not downloaded yet' };
  const candidate = join(electronDir, 'dist', relative);
  return existsSync(candidate) ? { path: candidate } : { missing: `no Electron binary at ${candidate}` };
}

/** The last line that says something, for a one-line reason. */
export function lastMeaningfulLine(text) {
  const lines = String(text)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at ') && line !== '^');
  const errorLine = [...lines]
    .reverse()
    .find((line) => /error|ENOTFOUND|EAI_AGAIN|ECONN|ETIMEDOUT|denied|failed/i.test(line));
  return (errorLine ?? lines.at(-1) ?? '').slice(0, 300);
}

/** Runs electron's own install.js (the download). Its output is kept for the reason, not shown. */
export function downloadElectron(electronDir, { timeoutMs = 10 * 60_000 } = {}) {
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    encoding: 'utf8',
    timeout: timeoutMs,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error) return { ok: false, reason: `download failed: ${result.error.message}` };
  if (result.status !== 0) {
    const detail = lastMeaningfulLine(`${result.stdout ?? ''}\n${result.stderr ?? ''}`);
    const hint = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT/.test(detail)
      ? ', no network?'
      : '';
    return {
      ok: false,
      reason: `download failed${detail ? `: ${detail}${hint}` : ` (exit code ${result.status})`}`,
    };
  }
  return { ok: true };
}

/**
 * Starts Electron. Resolves `{ started: false, reason }` when it cannot be spawned or exits with
 * an error within `earlyExitMs` (missing libraries, no display…), else `{ started: true, code }`
 * once it exits. Its stderr is passed through.
 */
export function launchElectron(binary, args, { cwd, env = process.env, earlyExitMs = 5_000 } = {}) {
  return new Promise((resolve) => {
    const childEnv = { ...env };
    delete childEnv.ELECTRON_RUN_AS_NODE;
    const startedAt = Date.now();
    let stderrTail = '';
    const child = spawn(binary, args, { cwd, env: childEnv, stdio: ['inherit', 'inherit', 'pipe'] });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4096);
    });
    const forward = (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const handlers = signals.map((signal) => [signal, () => forward(signal)]);
    for (const [signal, handler] of handlers) process.on(signal, handler);
    const done = (result) => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
      resolve(result);
    };
    child.on('error', (error) =>
      done({ started: false, reason: `it could not be spawned: ${error.message}` }),
    );
    child.on('exit', (code, signal) => {
      const early = Date.now() - startedAt < earlyExitMs;
      if (early && code !== 0 && signal === null) {
        const detail = lastMeaningfulLine(stderrTail);
        done({ started: false, reason: `it exited at once with code ${code}${detail ? `: ${detail}` : ''}` });
      } else {
        done({ started: true, code: code ?? 1 });
      }
    });
  });
}
