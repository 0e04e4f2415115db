// npm run web -- [--port N] [--no-open] [--user-data DIR] [--config FILE]
// Builds if needed, then runs the browser-mode host. Stdout carries only the host's URL line.
import { buildIfNeeded, WEB_OUTPUTS } from './build-if-needed.mjs';
import { runWebHost } from './run-web.mjs';

if (!buildIfNeeded(WEB_OUTPUTS)) process.exit(1);
runWebHost(process.argv.slice(2));
