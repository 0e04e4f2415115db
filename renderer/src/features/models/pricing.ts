import type { ModelInfo } from '@shared/contracts/models';

/** USD per token → "$1.50" per million tokens (more digits for tiny prices). */
export function formatPerMillion(perToken: number): string {
  const perMillion = perToken * 1_000_000;
  if (perMillion === 0) return '$0';
  if (perMillion >= 0.01) return `$${perMillion.toFixed(2)}`;
  return `$${Number(perMillion.toPrecision(2))}`;
}

/** "$1.50 in · $2.00 out per 1M tokens", or null when the gateway sent no prices. */
export function describePricing(pricing: ModelInfo['pricing']): string | null {
  if (!pricing) return null;
  const parts: string[] = [];
  if (pricing.prompt !== undefined) parts.push(`${formatPerMillion(pricing.prompt)} in`);
  if (pricing.completion !== undefined) parts.push(`${formatPerMillion(pricing.completion)} out`);
  return parts.length > 0 ? `${parts.join(' · ')} per 1M tokens` : null;
}

/** "4,096 ctx" style facts shown beside a model. */
export function describeModelLimits(
  model: Pick<ModelInfo, 'contextLength' | 'maxOutputTokens'>,
): string | null {
  const parts: string[] = [];
  if (model.contextLength) parts.push(`${model.contextLength.toLocaleString('en-US')} ctx`);
  if (model.maxOutputTokens) parts.push(`${model.maxOutputTokens.toLocaleString('en-US')} max out`);
  return parts.length > 0 ? parts.join(' · ') : null;
}
