// Test-only worker entry: loads a TypeScript worker module (workerData.entry) through tsx, the way the
// built app loads the bundled JavaScript. (Node 20 ignores `--import tsx` in a worker's execArgv.)
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
