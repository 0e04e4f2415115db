import type { Page } from '@playwright/test';
import { rawFetchMs, type BenchSession, type FormValues } from './browserSession';
import { timedRun } from './endToEnd';
import { firstLargeMessageAfter } from './pageProbe';
import { BIG_MODEL } from './parseAndBatch';
import { notMeasured, ratioOf, type BenchRow } from './table';

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

const paintRow = (
  id: string,
  tokens: number,
  ms: number,
  rawMs: number,
  target: string,
  note: string,
): BenchRow => ({
  id,
  name: `Heatmap ${tokens.toLocaleString('en-US')} tok (not streamed): first paint`,
  figure: ms,
  unit: 'ms',
  reference: rawMs,
  referenceName: 'raw fetch',
  ratio: ratioOf(ms, rawMs),
  target,
  met: target === '—' ? null : ms <= 500,
  note,
});

/** Row 4: heatmap first paint for 10,000 and 100,000 tokens, renderer heap per token held. */
export async function benchHeatmap(session: BenchSession): Promise<BenchRow[]> {
  const small = await timedRun(session, batch(10_000), true);
  if (small.probe.tokenSpans === 0) {
    return [
      notMeasured('4', 'Heatmap first paint / memory', '≤ 500 ms; ≤ 100 B/token', 'heatmap not present'),
    ];
  }
  const smallRaw = await rawFetchMs(session.gateway.url, small.body);
  const rows: BenchRow[] = [
    paintRow(
      '4a',
      10_000,
      small.probe.paintedMs,
      smallRaw.ms,
      '—',
      `click on Run → frame after the first token spans (${small.probe.tokenSpans} spans); includes the gateway generating the body (raw fetch = the same request read in Node)${small.mismatch ? `; ${small.mismatch}` : ''}`,
    ),
  ];
  // Baseline: a one-token run replaces the big one, then the heap is measured after GC.
  await timedRun(session, batch(1), true);
  const before = await heapAfterGc(session.page);
  const big = await timedRun(session, batch(100_000), true);
  const after = await heapAfterGc(session.page);
  const bigRaw = await rawFetchMs(session.gateway.url, big.body);
  const arrival = await firstLargeMessageAfter(session.page, big.probe.clickAt);
  const renderMs = arrival ? big.probe.clickAt + big.probe.paintedMs - arrival.at : null;
  rows.push(
    paintRow(
      '4b',
      100_000,
      big.probe.paintedMs,
      bigRaw.ms,
      '≤ 500 ms',
      `${arrival && renderMs !== null ? `batch (${(arrival.size / 1e6).toFixed(0)} MB message) arrival → painted: ${renderMs.toFixed(0)} ms` : 'batch arrival not seen'}; figure = Run → painted, so it includes the gateway (raw ${(bigRaw.ms / 1000).toFixed(1)} s, ${(bigRaw.bytes / 1e6).toFixed(0)} MB); ${big.probe.tokenSpans} token spans at first paint; longest frame ${big.probe.longestFrameMs.toFixed(0)} ms${big.mismatch ? `; ${big.mismatch}` : ''}`,
    ),
  );
  if (renderMs !== null) {
    rows.push({
      id: '4b*',
      name: 'Heatmap 100,000 tok: batch arrival in page → painted',
      figure: renderMs,
      unit: 'ms',
      reference: null,
      ratio: null,
      target: '≤ 500 ms',
      met: renderMs <= 500,
      note: 'the renderer share of 4b: from the WebSocket message carrying the batch to the frame after the spans',
    });
  }
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
