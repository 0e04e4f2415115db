import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { startFakeGateway } from '../fake-gateway/server';
import { launchChromium, openSession } from './browserSession';
import { benchEndToEnd } from './endToEnd';
import { benchHeatmap } from './heatmap';
import { benchHistory } from './history';
import { benchLocalEngine } from './localEngine';
import { benchParseAndBatch } from './parseAndBatch';
import { benchStartup } from './startup';
import { formatMachine, formatTable, notMeasured, type BenchReport, type BenchRow } from './table';

const RESULTS_DIR = join(import.meta.dirname, 'results');

/** Runs one section (only those listed in BENCH_ONLY, e.g. `BENCH_ONLY=2,4`, when set); a failure becomes a "not measured" row with its reason (the bench goes on). */
async function section(
  rows: BenchRow[],
  id: string,
  name: string,
  target: string,
  work: () => Promise<BenchRow[]>,
): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',');
  if (only && !only.includes(id)) return;
  const started = performance.now();
  try {
    rows.push(...(await work()));
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    rows.push(notMeasured(id, name, target, `failed: ${message ?? 'unknown error'}`));
  }
  process.stderr.write(`bench: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

async function browserSections(rows: BenchRow[], browser: Browser): Promise<void> {
  const session = await openSession(browser);
  try {
    await section(rows, '2', 'End to end', '≤ 1.5× raw; no frame > 50 ms', () => benchEndToEnd(session));
    await section(rows, '4', 'Heatmap', '≤ 500 ms; ≤ 100 B/token', () => benchHeatmap(session));
  } finally {
    await session.close();
  }
  const gateway = await startFakeGateway({ port: 0 });
  try {
    await section(rows, '5', 'Startup', '—', () => benchStartup(browser, gateway.url));
  } finally {
    await gateway.close();
  }
}

export async function runBench(): Promise<void> {
  const startedAt = new Date();
  const started = performance.now();
  const rows: BenchRow[] = [];
  await section(rows, '1', 'Parse and batch', '≤ 0.5× SDK; ≤ 3× raw', benchParseAndBatch);
  await section(rows, '6', 'History', '—', benchHistory);
  await section(rows, '7', 'Local engine', '—', benchLocalEngine);
  let chromiumVersion = 'not started';
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    chromiumVersion = browser.version();
    await browserSections(rows, browser);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    rows.push(notMeasured('2-5', 'Browser sections', '—', `failed: ${message ?? 'unknown error'}`));
  } finally {
    await browser?.close();
  }
  rows.sort((a, b) => a.id.localeCompare(b.id));
  const report: BenchReport = {
    startedAt: startedAt.toISOString(),
    durationMs: performance.now() - started,
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      os: `${type()} ${release()}`,
      node: process.version,
      chromium: chromiumVersion,
    },
    rows,
  };
  await mkdir(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  await writeFile(join(RESULTS_DIR, `${stamp}.json`), json);
  await writeFile(join(RESULTS_DIR, 'latest.json'), json);
  process.stdout.write(
    `\nCompletions Playground bench — ${formatMachine(report.machine)}\n\n${formatTable(rows)}\n\n` +
      `Took ${(report.durationMs / 1000).toFixed(0)} s. JSON: e2e/bench/results/${stamp}.json (and latest.json). ` +
      `A report, not a test: targets missed do not fail it.\n`,
  );
}
