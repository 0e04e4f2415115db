import type { Page } from '@playwright/test';
import { rawFetchMs, type BenchSession, type FormValues } from './browserSession';
import { startCpuProfile } from './cpuProfile';
import { timedRun } from './endToEnd';
import { firstLargeMessageAfter } from './pageProbe';
import { BIG_MODEL } from './parseAndBatch';
import { notMeasured, type BenchRow } from './table';

const batch = (maxTokens: number): FormValues => ({
  model: BIG_MODEL,
  prompt: 'Write a long story',
  maxTokens,
  logprobs: 5,
  n: 1,
  stream: false,
});

/** JS heap in use after a full garbage collection (CDP), in bytes. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize;
  } finally {
    await cdp.detach();
  }
}

interface PaintFigures {
  tokens: number;
  /** Batch message arrival in the page → the frame after the spans (the renderer's share). */
  renderMs: number | null;
  /** Click on Run → painted (includes the gateway generating the body). */
  runMs: number;
  rawMs: number;
  rawBytes: number;
  messageBytes: number | null;
  spans: number;
  longestFrameMs: number;
  mismatch?: string;
}

const paintRow = (id: string, figures: PaintFigures, target: string): BenchRow => ({
  id,
  name: `Heatmap ${figures.tokens.toLocaleString('en-US')} tok (not streamed): batch in page → first paint`,
  figure: figures.renderMs ?? Number.NaN,
  unit: 'ms',
  reference: null,
  ratio: null,
  target,
  met: target === '—' || figures.renderMs === null ? null : figures.renderMs <= 500,
  note: `${figures.renderMs === null ? 'batch message not seen; ' : ''}from the WebSocket message carrying the batch (${((figures.messageBytes ?? 0) / 1e6).toFixed(1)} MB) to the frame after the first token spans (${figures.spans} spans then; the rest fill in over the next frames; longest frame from the click to that paint ${figures.longestFrameMs.toFixed(0)} ms, the batch's decoding included); click on Run → painted ${(figures.runMs / 1000).toFixed(2)} s, which includes the gateway generating the body (raw fetch of the same request ${(figures.rawMs / 1000).toFixed(2)} s, ${(figures.rawBytes / 1e6).toFixed(1)} MB)${figures.mismatch ? `; ${figures.mismatch}` : ''}`,
});

async function paintFigures(session: BenchSession, tokens: number): Promise<PaintFigures> {
  const profiler = await startCpuProfile(session.page);
  const run = await timedRun(session, batch(tokens), true);
  await profiler.stop(`heatmap-${tokens}`);
  const raw = await rawFetchMs(session.gateway.url, run.body);
  const arrival = await firstLargeMessageAfter(session.page, run.probe.clickAt);
  return {
    tokens,
    renderMs: arrival ? run.probe.clickAt + run.probe.paintedMs - arrival.at : null,
    runMs: run.probe.paintedMs,
    rawMs: raw.ms,
    rawBytes: raw.bytes,
    messageBytes: arrival?.size ?? null,
    spans: run.probe.tokenSpans,
    longestFrameMs: run.probe.longestFrameMs,
    ...(run.mismatch ? { mismatch: run.mismatch } : {}),
  };
}

/** Row 4: heatmap first paint for 10,000 and 100,000 tokens, renderer heap per token held. */
export async function benchHeatmap(session: BenchSession): Promise<BenchRow[]> {
  const small = await paintFigures(session, 10_000);
  if (small.spans === 0) {
    return [
      notMeasured('4', 'Heatmap first paint / memory', '≤ 500 ms; ≤ 100 B/token', 'heatmap not present'),
    ];
  }
  const rows: BenchRow[] = [paintRow('4a', small, '—')];
  // Baseline: a one-token run replaces the big one, then the heap is measured after GC.
  await timedRun(session, batch(1), true);
  const before = await heapAfterGc(session.page);
  rows.push(paintRow('4b', await paintFigures(session, 100_000), '≤ 500 ms'));
  const after = await heapAfterGc(session.page);
  const perToken = (after - before) / 100_000;
  rows.push({
    id: '4c',
    name: 'Renderer JS heap held per token (100,000 tok + top-5)',
    figure: perToken,
    unit: 'B',
    reference: null,
    ratio: null,
    target: '≤ 100 B',
    met: perToken <= 100,
    note: `JS heap after GC: ${(before / 1e6).toFixed(1)} MB after a 1-token run, ${(after / 1e6).toFixed(1)} MB with the 100,000-token run on screen (DOM nodes outside the JS heap not counted)`,
  });
  return rows;
}
