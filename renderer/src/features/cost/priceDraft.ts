import type { Price } from '@shared/cost/prices';

export interface PriceDraft {
  model: string;
  input: string;
  output: string;
}

export interface PriceDraftIssues {
  model?: string;
  input?: string;
  output?: string;
}

export const MAX_PRICE_PER_MILLION = 1_000_000;

function parseAmount(text: string): { value: number } | { error: string } {
  const trimmed = text.trim().replace(/^\$/, '');
  if (trimmed === '') return { error: 'Enter a price in USD per 1M tokens' };
  if (!/^\d*\.?\d+$|^\d+\.$/.test(trimmed)) return { error: 'Enter a number such as 1.50' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { error: 'Enter a number such as 1.50' };
  if (value > MAX_PRICE_PER_MILLION) return { error: 'At most $1,000,000 per 1M tokens' };
  return { value };
}

/** A typed price, checked: the model name and two amounts in USD per 1M tokens (0 or more). */
export function parsePriceDraft(
  draft: PriceDraft,
): { ok: true; model: string; price: Price } | { ok: false; issues: PriceDraftIssues } {
  const issues: PriceDraftIssues = {};
  const model = draft.model.trim();
  if (model === '') issues.model = 'Name the model';
  else if (model.length > 200) issues.model = 'At most 200 characters';
  const input = parseAmount(draft.input);
  const output = parseAmount(draft.output);
  if ('error' in input) issues.input = input.error;
  if ('error' in output) issues.output = output.error;
  if (issues.model || 'error' in input || 'error' in output) return { ok: false, issues };
  return { ok: true, model, price: { inputPerMillion: input.value, outputPerMillion: output.value } };
}
