import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, type Browser } from '@playwright/test';
import { builtWebHost, repoRoot } from '../fixtures/paths';
import { runButton } from '../pages/playground';
import { median, type BenchRow } from './table';

const READY_LINE = /^Playground running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/;
const REPETITIONS = 3;

/** Spawns the built host and opens its URL as soon as it is printed; ms until the form is usable. */
async function startOnce(browser: Browser, gatewayUrl: string): Promise<{ lineMs: number; readyMs: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'playground-bench-'));
  const config = join(dir, 'config.json');
  await writeFile(
    config,
    JSON.stringify({
      profiles: [{ id: 'fake', name: 'Fake', kind: 'bifrost', baseUrl: gatewayUrl, default: true }],
    }),
  );
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [builtWebHost, '--no-open', '--port', '0', '--user-data', dir, '--config', config],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const context = await browser.newContext();
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('web host did not print its URL in 20 s')), 20_000);
      createInterface({ input: child.stdout }).on('line', (line) => {
        const match = READY_LINE.exec(line);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`web host exited with ${code}`)));
    });
    const lineMs = performance.now() - started;
    const page = await context.newPage();
    await page.goto(url);
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 20_000 });
    await expect(runButton(page)).toBeEnabled({ timeout: 20_000 });
    return { lineMs, readyMs: performance.now() - started };
  } finally {
    await context.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
    await rm(dir, { recursive: true, force: true });
  }
}

/** Row 5: browser mode, from the command to the form being interactive (median of 3). */
export async function benchStartup(browser: Browser, gatewayUrl: string): Promise<BenchRow[]> {
  const samples: Array<{ lineMs: number; readyMs: number }> = [];
  for (let index = 0; index < REPETITIONS; index += 1) samples.push(await startOnce(browser, gatewayUrl));
  return [
    {
      id: '5',
      name: 'Startup (browser mode): command → form interactive',
      figure: median(samples.map((sample) => sample.readyMs)),
      unit: 'ms',
      reference: null,
      ratio: null,
      target: '—',
      met: null,
      note: `node out/main/web.js spawned → Run enabled in an already running Chromium; URL printed after ${median(samples.map((sample) => sample.lineMs)).toFixed(0)} ms (median of ${REPETITIONS})`,
    },
  ];
}
