/**
 * `npm run bench` entry. The services import `@shared/...`, which tsx resolves only with the node
 * tsconfig, so this launcher re-runs itself with TSX_TSCONFIG_PATH set and then loads the bench.
 */
import { spawn } from 'node:child_process';

const TSCONFIG = 'tsconfig.node.json';

if (process.env.TSX_TSCONFIG_PATH) {
  const { runBench } = await import('./main');
  await runBench();
} else {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    env: { ...process.env, TSX_TSCONFIG_PATH: TSCONFIG },
    stdio: 'inherit',
  });
  child.once('exit', (code) => process.exit(code ?? 1));
}
