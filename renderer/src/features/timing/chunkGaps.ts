/** Chunk arrival times (ms after the request was sent), one array per batch, as one sorted list. */
export function flattenArrivals(batches: readonly (readonly number[])[]): number[] {
  const all: number[] = [];
  for (const batch of batches) for (const at of batch) if (Number.isFinite(at)) all.push(at);
  return all.sort((a, b) => a - b);
}

export interface ChunkGaps {
  /** When each gap ended: the arrival time of the later chunk (ms since the request). */
  at: number[];
  /** Time since the previous chunk (ms). */
  gapMs: number[];
}

/** The gap before every chunk after the first. */
export function chunkGaps(arrivals: readonly number[]): ChunkGaps {
  const at: number[] = [];
  const gapMs: number[] = [];
  for (let i = 1; i < arrivals.length; i += 1) {
    const current = arrivals[i];
    const previous = arrivals[i - 1];
    if (current === undefined || previous === undefined) continue;
    at.push(current);
    gapMs.push(current - previous);
  }
  return { at, gapMs };
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((Math.min(Math.max(p, 0), 100) / 100) * sorted.length);
  return sorted[Math.max(rank, 1) - 1] ?? null;
}

/** Median of unsorted values (mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

export interface GapStats {
  chunks: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

/** Median, p95 and max of the gaps between chunks; null with fewer than two chunks. */
export function gapStats(batches: readonly (readonly number[])[]): GapStats | null {
  const arrivals = flattenArrivals(batches);
  const { gapMs } = chunkGaps(arrivals);
  const medianMs = median(gapMs);
  const p95Ms = percentile(gapMs, 95);
  if (medianMs === null || p95Ms === null) return null;
  return { chunks: arrivals.length, medianMs, p95Ms, maxMs: Math.max(...gapMs) };
}

/** "12 ms", "0.4 ms", "1.25 s". */
export function formatGap(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${Number(ms.toFixed(1))} ms`;
}
