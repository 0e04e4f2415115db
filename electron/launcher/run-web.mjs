// Runs the built browser-mode host, forwarding signals and the exit code.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './build-if-needed.mjs';

export function runWebHost(args) {
  const child = spawn(process.execPath, [join(repoRoot, 'out', 'main', 'web.js'), ...args], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => forward(signal));
  child.on('error', (error) => {
    process.stderr.write(`Could not start the web host: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
