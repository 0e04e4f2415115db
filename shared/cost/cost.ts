import type { Usage } from '../contracts/runs';
import type { Price, PriceSource } from './prices';

export interface Cost {
  /** null when the price or the prompt token count is unknown (only with a provider-reported total). */
  inputUsd: number | null;
  outputUsd: number | null;
  totalUsd: number;
  /** 'provider': the total is the provider's own `usage.cost`; else where the price came from. */
  source: PriceSource | 'provider';
}

/** Amounts are rounded to 1e-12 USD so that e.g. 7 × $0.40/1M prints as 0.0000028, not 0.0000028000000000000004. */
const roundUsd = (usd: number): number => Math.round(usd * 1e12) / 1e12;

/** tokens × USD per 1M tokens, in USD. */
export function usdForTokens(tokens: number, perMillion: number): number {
  return roundUsd((tokens * perMillion) / 1e6);
}

/**
 * Cost of a run. A provider-reported `usage.costUsd` is preferred as the total (source 'provider'),
 * with the input/output split from the price when both are known. Otherwise prompt × input price +
 * completion × output price; null when the price is unknown or the usage lacks token counts.
 * A missing completion count with a known prompt count counts as 0 completion tokens (max_tokens 0).
 */
export function costOf(
  usage: Usage | null | undefined,
  price: (Price & { source: PriceSource }) | null | undefined,
): Cost | null {
  if (!usage) return null;
  const prompt = usage.promptTokens;
  const completion = usage.completionTokens ?? (prompt !== undefined ? 0 : undefined);
  const inputUsd = price && prompt !== undefined ? usdForTokens(prompt, price.inputPerMillion) : null;
  const outputUsd =
    price && completion !== undefined ? usdForTokens(completion, price.outputPerMillion) : null;
  if (usage.costUsd !== undefined && Number.isFinite(usage.costUsd))
    return { inputUsd, outputUsd, totalUsd: usage.costUsd, source: 'provider' };
  if (!price || inputUsd === null || outputUsd === null) return null;
  return { inputUsd, outputUsd, totalUsd: roundUsd(inputUsd + outputUsd), source: price.source };
}

const trimZeros = (fixed: string, minDecimals: number): string => {
  const [whole, decimals = ''] = fixed.split('.');
  let kept = decimals.replace(/0+$/, '');
  if (kept.length < minDecimals) kept = kept.padEnd(minDecimals, '0');
  return kept === '' ? (whole ?? '0') : `${whole ?? '0'}.${kept}`;
};

/**
 * A USD amount for display, precise enough for single requests: "$0", "<$0.000001", "$0.000012",
 * "$0.00105", "$0.0123", "$0.50", "$1.23", "$1,234.57".
 */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '—';
  if (usd < 0) return `-${formatUsd(-usd)}`;
  if (usd === 0) return '$0';
  if (usd < 0.000001) return '<$0.000001';
  if (usd < 0.01) return `$${trimZeros(usd.toFixed(6), 0)}`;
  if (usd < 1) return `$${trimZeros(usd.toFixed(4), 2)}`;
  const [whole = '0', cents = '00'] = usd.toFixed(2).split('.');
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** A price for display: "$1.50 / 1M tokens". */
export function formatPricePerMillion(perMillion: number): string {
  const text = perMillion >= 0.01 ? trimZeros(perMillion.toFixed(4), 2) : trimZeros(perMillion.toFixed(6), 0);
  return `$${text} / 1M tokens`;
}
