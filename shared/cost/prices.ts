import { z } from 'zod';
import type { ModelInfo } from '../contracts/models';

/** A model's price in USD per 1M tokens. */
export interface Price {
  inputPerMillion: number;
  outputPerMillion: number;
}

/** `local`: the built-in engine on this machine, which costs nothing. */
export type PriceSource = 'user' | 'gateway' | 'builtin' | 'local';

export interface ResolvedPrice extends Price {
  source: PriceSource;
  /** The key the price was found under (override key, gateway model id, or built-in name). */
  matched: string;
}

/** OpenAI's completion models (USD per 1M tokens, input / output). */
export const BUILTIN_PRICES: Readonly<Record<string, Price>> = {
  'gpt-3.5-turbo-instruct': { inputPerMillion: 1.5, outputPerMillion: 2 },
  'davinci-002': { inputPerMillion: 2, outputPerMillion: 2 },
  'babbage-002': { inputPerMillion: 0.4, outputPerMillion: 0.4 },
};

/**
 * Names a response reports for the built-in models: OpenAI answers davinci-002 with
 * `davinci:2023-07-21-v2` and babbage-002 with `babbage:2023-07-21-v2`, which normalise to the bare
 * family name.
 */
const ALIASES: Readonly<Record<string, string>> = { davinci: 'davinci-002', babbage: 'babbage-002' };

/**
 * The name a model is priced under: lower-cased, without a `provider/` prefix (Bifrost ids,
 * `openai/gpt-3.5-turbo-instruct`; the last path segment is kept), without a `:version` suffix
 * (`gpt-3.5-turbo-instruct:20230824-v2`, `davinci:2023-07-21-v2`) and without a date or snapshot suffix
 * (`-2023-07-21`, `-20230824`, `-0914`); aliases as above. `-002` is a model generation, not a date,
 * and stays.
 */
export function normalizeModelName(model: string): string {
  let name = model.trim().toLowerCase();
  name = name.slice(name.lastIndexOf('/') + 1);
  const colon = name.indexOf(':');
  if (colon > 0) name = name.slice(0, colon);
  name = name.replace(/-(?:\d{4}-\d{2}-\d{2}|\d{8}|\d{4})$/, '');
  return ALIASES[name] ?? name;
}

/** Per-token USD (as the gateway lists it) → per 1M tokens, rounded to 1e-6 USD per 1M. */
export function perMillionFromPerToken(perToken: number): number {
  return Math.round(perToken * 1e12) / 1e6;
}

const validPrice = (value: number | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** A gateway model's price, when it lists both the prompt and the completion price. */
export function gatewayPrice(model: ModelInfo): Price | null {
  const prompt = model.pricing?.prompt;
  const completion = model.pricing?.completion;
  if (!validPrice(prompt) || !validPrice(completion)) return null;
  return {
    inputPerMillion: perMillionFromPerToken(prompt),
    outputPerMillion: perMillionFromPerToken(completion),
  };
}

// ---- user overrides (editable, persisted by the caller as JSON) ----

const priceSchema = z.object({
  inputPerMillion: z.number().finite().min(0),
  outputPerMillion: z.number().finite().min(0),
});
export const priceOverridesSchema = z.record(z.string().trim().min(1), priceSchema);
/** User-edited prices keyed by model (as typed: an exact id or a normalised name both match). */
export type PriceOverrides = z.infer<typeof priceOverridesSchema>;

/** Reads persisted overrides; anything unreadable yields {} and entries that are invalid are dropped. */
export function parsePriceOverrides(value: unknown): PriceOverrides {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const overrides: PriceOverrides = {};
  for (const [model, price] of Object.entries(value)) {
    const parsed = priceSchema.safeParse(price);
    if (parsed.success && model.trim() !== '') overrides[model.trim()] = parsed.data;
  }
  return overrides;
}

/** A copy with one model's price set, or removed when `price` is null. */
export function withPriceOverride(
  overrides: PriceOverrides,
  model: string,
  price: Price | null,
): PriceOverrides {
  const key = model.trim();
  const { [key]: _previous, ...rest } = overrides;
  return price === null ? rest : { ...rest, [key]: priceSchema.parse(price) };
}

// ---- lookup ----

export interface PriceSources {
  overrides?: PriceOverrides;
  /** GET /v1/models of the profile's gateway. */
  gatewayModels?: readonly ModelInfo[];
  /** The model runs in the app's own engine: free unless the user set a price. */
  local?: boolean;
}

function findEntry<T>(entries: ReadonlyArray<readonly [string, T]>, model: string): [string, T] | null {
  const exact = entries.find(([key]) => key === model);
  if (exact) return [exact[0], exact[1]];
  const name = normalizeModelName(model);
  const loose = entries.find(([key]) => normalizeModelName(key) === name);
  return loose ? [loose[0], loose[1]] : null;
}

/**
 * The price of a model: a user override, else the gateway's pricing, else the built-in table, else
 * null (unknown); for the built-in local engine, a user override or else free. Each source is searched by exact id first, then by normalised name. Several names
 * may be given (e.g. the requested model, then the model the response reports): the first source that
 * knows any of them wins.
 */
export function lookupPrice(
  models: string | readonly string[],
  sources: PriceSources = {},
): ResolvedPrice | null {
  const names = (typeof models === 'string' ? [models] : models).filter((name) => name.trim() !== '');
  const overrides = Object.entries(sources.overrides ?? {});
  const gateway = (sources.gatewayModels ?? []).flatMap((model) => {
    const price = gatewayPrice(model);
    return price ? [[model.id, price] as const] : [];
  });
  const builtin = Object.entries(BUILTIN_PRICES);
  const order: Array<[PriceSource, ReadonlyArray<readonly [string, Price]>]> = [
    ['user', overrides],
    ['gateway', gateway],
    ['builtin', builtin],
  ];
  for (const [source, entries] of order) {
    if (sources.local && source !== 'user') break;
    for (const name of names) {
      const found = findEntry(entries, name);
      if (found) return { ...found[1], source, matched: found[0] };
    }
  }
  if (sources.local && names[0] !== undefined)
    return { inputPerMillion: 0, outputPerMillion: 0, source: 'local', matched: names[0] };
  return null;
}
