import type { Cost } from '@shared/cost/cost';

/** In words, where a cost figure came from. */
export function costSourceLabel(source: Cost['source']): string {
  switch (source) {
    case 'provider':
      return 'reported by provider';
    case 'user':
      return 'your price';
    case 'gateway':
      return 'gateway price';
    case 'builtin':
      return 'built-in price';
    case 'local':
      return 'local model, free';
  }
}
