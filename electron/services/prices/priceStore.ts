import { readFile } from 'node:fs/promises';
import { parsePriceOverrides, withPriceOverride, type Price, type PriceOverrides } from '@shared/cost/prices';
import { writeFileAtomic } from '../fs/atomicWrite';

export interface PriceStore {
  get(): Promise<PriceOverrides>;
  /** Sets (or, with null, removes) the user's price for `model`; returns all overrides. */
  set(model: string, price: Price | null): Promise<PriceOverrides>;
}

/**
 * The user's own model prices, persisted as `{version: 1, prices: {...}}` and written atomically.
 * A missing or unreadable file means no overrides (invalid entries are dropped, never fatal).
 */
export function createPriceStore(file: string): PriceStore {
  let cached: Promise<PriceOverrides> | undefined;
  let writing: Promise<unknown> = Promise.resolve();

  const load = async (): Promise<PriceOverrides> => {
    try {
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      const prices =
        typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'prices') : undefined;
      return parsePriceOverrides(prices);
    } catch {
      return {};
    }
  };

  return {
    get: () => (cached ??= load()),
    async set(model, price) {
      const next = withPriceOverride(await (cached ??= load()), model, price);
      cached = Promise.resolve(next);
      // Writes are serialised so an older state never lands after a newer one.
      writing = writing.then(() =>
        writeFileAtomic(file, `${JSON.stringify({ version: 1, prices: next }, null, 2)}\n`),
      );
      await writing;
      return next;
    },
  };
}
