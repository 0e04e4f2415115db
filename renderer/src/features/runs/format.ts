import type { RoutingInfo, Usage } from '@shared/contracts/runs';

const DASH = '—';

/** 850 ms · 1.25 s · 12.3 s · 2 m 05 s */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return DASH;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes} m ${String(seconds).padStart(2, '0')} s`;
}

/** 42.1 tok/s · 1,234 tok/s */
export function formatTokensPerSecond(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate) || rate < 0) return DASH;
  if (rate >= 100) return `${formatCount(Math.round(rate))} tok/s`;
  return `${rate.toFixed(1)} tok/s`;
}

/** One formatter for every count (toLocaleString builds a new one on each call). */
const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return countFormat.format(Math.round(value));
}

export function formatUsd(value: number): string {
  if (value === 0) return '$0';
  if (value >= 0.01) return `$${value.toFixed(4)}`;
  return `$${value.toPrecision(2)}`;
}

/** "12 prompt · 16 completion · 28 total" (dashes for what the provider did not report). */
export function formatUsage(usage: Usage | null | undefined): string {
  if (!usage) return DASH;
  const { promptTokens, completionTokens, totalTokens } = usage;
  return `${formatCount(promptTokens)} prompt · ${formatCount(completionTokens)} completion · ${formatCount(totalTokens)} total`;
}

function joinProviderModel(provider: string | undefined, model: string | undefined): string | null {
  if (model && provider) {
    return model.startsWith(`${provider}/`)
      ? `${provider}/${model.slice(provider.length + 1)}`
      : `${provider}/${model}`;
  }
  return model ?? provider ?? null;
}

/**
 * "Served by openai / gpt-3.5-turbo-instruct" (or "Error from …" when `failed`), or null when the
 * response did not say.
 */
export function formatServedBy(
  routing: RoutingInfo | null | undefined,
  fallbackModel?: string,
  failed = false,
): string | null {
  const verb = failed ? 'Error from' : 'Served by';
  const provider = routing?.provider;
  let model = routing?.model ?? fallbackModel;
  if (provider && model?.startsWith(`${provider}/`)) model = model.slice(provider.length + 1);
  if (provider && model) return `${verb} ${provider} / ${model}`;
  if (provider || model) return `${verb} ${provider ?? model}`;
  return null;
}

/** "fallback #1 (primary was fail/503)", or null when the primary served. */
export function formatFallback(routing: RoutingInfo | null | undefined): string | null {
  if (!routing) return null;
  const isFallback =
    routing.isFallback ?? (routing.fallbackIndex !== undefined && routing.fallbackIndex >= 1);
  if (!isFallback) return null;
  const label = routing.fallbackIndex !== undefined ? `fallback #${routing.fallbackIndex}` : 'fallback';
  const primary =
    routing.requestedModel?.includes('/') === true
      ? routing.requestedModel
      : joinProviderModel(routing.requestedProvider, routing.requestedModel);
  return primary ? `${label} (primary was ${primary})` : label;
}
