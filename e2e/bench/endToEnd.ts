import { startCpuProfile } from './cpuProfile';
import { expect } from '@playwright/test';
import { runButton } from '../pages/playground';
import {
  expectedTexts,
  fillForm,
  lastRequestBody,
  rawFetchMs,
  type BenchSession,
  type FormValues,
} from './browserSession';
import { awaitProbe, installProbe, type ProbeResult } from './pageProbe';
import { BIG_MODEL } from './parseAndBatch';
import { ratioOf, type BenchRow } from './table';

export const E2E_TOKENS = 20_000;
export const PACED_TOKENS = 10_000;
export const PACED_TPS = 3_000;
/** Per choice in the four-column run (≈ 1.7 s at 3,000 tokens/s). */
export const FOUR_COLUMN_TOKENS = 5_000;

export interface TimedRun {
  probe: ProbeResult;
  /** The request body the app sent. */
  body: string;
  /** Empty when every choice's text on screen has the expected length. */
  mismatch: string;
}

/** Fills the form, presses Run, and returns what the in-page probe measured. */
export async function timedRun(
  session: BenchSession,
  values: FormValues,
  waitForSpans = false,
): Promise<TimedRun> {
  const { page, gateway } = session;
  await fillForm(page, values);
  const choices = values.n ?? 1;
  const timeoutMs = 120_000;
  await installProbe(page, { choices, waitForSpans, timeoutMs });
  await runButton(page).click();
  const probe = await awaitProbe(page);
  const body = lastRequestBody(gateway);
  const expected = await expectedTexts(gateway.url, body);
  const problems = probe.textLengths
    .map((length, index) => ({ length, want: expected[index]?.length ?? -1, index }))
    .filter((entry) => entry.length !== entry.want)
    .map((entry) => `choice ${entry.index}: ${entry.length} chars on screen, ${entry.want} expected`);
  if (!probe.status.includes('completed')) problems.unshift(`run ended as "${probe.status}"`);
  return { probe, body, mismatch: problems.join('; ') };
}

const streamed = (maxTokens: number, n = 1): FormValues => ({
  model: BIG_MODEL,
  prompt: 'Write a long story',
  maxTokens,
  logprobs: 5,
  n,
  stream: true,
});

const frameRows = (id: string, label: string, run: TimedRun, note: string): BenchRow[] => [
  {
    id: `${id}`,
    name: `${label}: longest frame`,
    figure: run.probe.longestFrameMs,
    unit: 'ms',
    reference: null,
    ratio: null,
    target: '≤ 50 ms',
    met: run.mismatch ? false : run.probe.longestFrameMs <= 50,
    note: `${note}; ${run.probe.frames} frames, the longest ending ${(run.probe.longestFrameAtMs / 1000).toFixed(2)} s after the click; longest long task ${run.probe.longestTaskMs.toFixed(0)} ms (${run.probe.tasksOver50} over 50 ms)${run.mismatch ? `; ${run.mismatch}` : ''}`,
  },
  {
    id: `${id}'`,
    name: `${label}: frames over 50 ms`,
    figure: run.probe.framesOver50,
    unit: 'frames',
    reference: null,
    ratio: null,
    target: '0',
    met: run.mismatch ? false : run.probe.framesOver50 === 0,
  },
];

/** Four compare columns streaming at once (the form's model and three more), then back to the single view. */
async function fourCompareColumns(session: BenchSession): Promise<TimedRun> {
  const { page, gateway } = session;
  await fillForm(page, streamed(FOUR_COLUMN_TOKENS));
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  for (const model of ['ollama/column-2', 'ollama/column-3', 'ollama/column-4']) {
    await page.getByLabel('Target model').fill(model);
    await page.getByRole('button', { name: 'Add target' }).click();
  }
  await expect(page.getByTestId('compare-column')).toHaveCount(4);
  await installProbe(page, { choices: 1, runs: 4, waitForSpans: false, timeoutMs: 120_000 });
  const profiler = await startCpuProfile(page);
  await page.getByRole('button', { name: 'Run all', exact: true }).click();
  const probe = await awaitProbe(page);
  await profiler.stop('compare');
  await page.getByRole('button', { name: 'Back to single run' }).click();
  const failed = probe.status.split(', ').filter((status) => status !== 'completed');
  return {
    probe,
    body: lastRequestBody(gateway),
    mismatch: failed.length > 0 ? `columns ended as ${probe.status}` : '',
  };
}

/** Rows 2 and 3: end to end at unlimited speed vs a raw read, then frame timing at 3,000 tokens/s. */
export async function benchEndToEnd(session: BenchSession): Promise<BenchRow[]> {
  const { gateway } = session;
  gateway.setTokensPerSecond(0);
  // Warm-up: the first run pays for lazy chunks and JIT.
  await timedRun(session, streamed(2_000));
  const unlimited = await timedRun(session, streamed(E2E_TOKENS));
  const raw = await rawFetchMs(gateway.url, unlimited.body);
  const ratio = ratioOf(unlimited.probe.paintedMs, raw.ms);
  const rows: BenchRow[] = [
    {
      id: '2a',
      name: `End to end ${E2E_TOKENS.toLocaleString('en-US')} tok + top-5, unlimited: last token on screen`,
      figure: unlimited.probe.paintedMs,
      unit: 'ms',
      reference: raw.ms,
      referenceName: 'raw fetch',
      ratio,
      target: '≤ 1.5×',
      met: unlimited.mismatch || ratio === null ? false : ratio <= 1.5,
      note: `click on Run → painted frame after "completed" once the text stopped growing; raw = Node fetch of the same request, body read to end (${(raw.bytes / 1e6).toFixed(1)} MB); longest frame during it ${unlimited.probe.longestFrameMs.toFixed(0)} ms${unlimited.mismatch ? `; ${unlimited.mismatch}` : ''}`,
    },
  ];
  try {
    gateway.setTokensPerSecond(PACED_TPS);
    const paced = await timedRun(session, streamed(PACED_TOKENS));
    const pacedRaw = await rawFetchMs(gateway.url, paced.body);
    rows.push(
      ...frameRows(
        '2b',
        `${PACED_TOKENS.toLocaleString('en-US')} tok at ${PACED_TPS.toLocaleString('en-US')} tok/s`,
        paced,
        `run took ${(paced.probe.paintedMs / 1000).toFixed(1)} s on screen; the same stream read raw in Node took ${(pacedRaw.ms / 1000).toFixed(1)} s (nominal ${(PACED_TOKENS / PACED_TPS).toFixed(1)} s): the gateway delivered ${Math.round(PACED_TOKENS / (pacedRaw.ms / 1000)).toLocaleString('en-US')} tok/s`,
      ),
    );
    const four = await fourCompareColumns(session);
    rows.push(
      ...frameRows(
        '3',
        `Compare: 4 columns × ${FOUR_COLUMN_TOKENS.toLocaleString('en-US')} tok, ${PACED_TPS.toLocaleString('en-US')} tok/s each`,
        four,
        `the compare view, Run all on four targets streaming at once with top-5 logprobs; all done ${(four.probe.paintedMs / 1000).toFixed(1)} s after the click (nominal ${(FOUR_COLUMN_TOKENS / PACED_TPS).toFixed(1)} s)`,
      ),
    );
  } finally {
    gateway.setTokensPerSecond(0);
  }
  return rows;
}
