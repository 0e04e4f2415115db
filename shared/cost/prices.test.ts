import { describe, expect, it } from 'vitest';
import type { ModelInfo } from '../contracts/models';
import {
  BUILTIN_PRICES,
  gatewayPrice,
  lookupPrice,
  normalizeModelName,
  parsePriceOverrides,
  perMillionFromPerToken,
  withPriceOverride,
} from './prices';

/** As the model lister parses the fake gateway / Bifrost list ("0.0000015000" per token). */
const gatewayModels: ModelInfo[] = [
  { id: 'openai/gpt-3.5-turbo-instruct', pricing: { prompt: 0.0000015, completion: 0.000002 } },
  { id: 'openai/babbage-002', pricing: { prompt: 0.0000005 } }, // incomplete: ignored
  { id: 'together/mistralai/Mixtral-8x7B-v0.1', pricing: { prompt: 6e-7, completion: 6e-7 } },
  { id: 'ollama/llama3', pricing: { prompt: 0, completion: 0 } },
];

describe('normalizeModelName', () => {
  it('strips provider prefixes, version and date suffixes', () => {
    const cases: Array<[string, string]> = [
      ['openai/gpt-3.5-turbo-instruct', 'gpt-3.5-turbo-instruct'],
      ['gpt-3.5-turbo-instruct:20230824-v2', 'gpt-3.5-turbo-instruct'],
      ['gpt-3.5-turbo-instruct-0914', 'gpt-3.5-turbo-instruct'],
      ['azure/gpt-3.5-turbo-instruct-2023-09-14', 'gpt-3.5-turbo-instruct'],
      ['davinci:2023-07-21-v2', 'davinci-002'],
      ['babbage:2023-07-21-v2', 'babbage-002'],
      ['OpenAI/Davinci-002', 'davinci-002'],
      ['babbage-002', 'babbage-002'],
      ['together/mistralai/Mixtral-8x7B-v0.1', 'mixtral-8x7b-v0.1'],
      ['  openai/babbage-002  ', 'babbage-002'],
    ];
    for (const [model, name] of cases) expect(normalizeModelName(model), model).toBe(name);
  });
});

describe('gateway prices', () => {
  it('converts per-token USD to per 1M tokens without float noise', () => {
    expect(perMillionFromPerToken(0.0000015)).toBe(1.5);
    expect(perMillionFromPerToken(0.000002)).toBe(2);
    expect(perMillionFromPerToken(6e-7)).toBe(0.6);
    expect(perMillionFromPerToken(0.0000001234)).toBe(0.1234);
    expect(gatewayPrice(gatewayModels[0] as ModelInfo)).toEqual({
      inputPerMillion: 1.5,
      outputPerMillion: 2,
    });
    expect(gatewayPrice(gatewayModels[1] as ModelInfo)).toBeNull();
    expect(gatewayPrice({ id: 'x', pricing: { prompt: -1, completion: 1 } })).toBeNull();
    expect(gatewayPrice({ id: 'x' })).toBeNull();
  });
});

describe('lookupPrice', () => {
  it('finds the built-in price under Bifrost ids and versioned response names', () => {
    for (const model of [
      'openai/gpt-3.5-turbo-instruct',
      'gpt-3.5-turbo-instruct:20230824-v2',
      'gpt-3.5-turbo-instruct',
    ])
      expect(lookupPrice(model)).toEqual({
        inputPerMillion: 1.5,
        outputPerMillion: 2,
        source: 'builtin',
        matched: 'gpt-3.5-turbo-instruct',
      });
    expect(lookupPrice('davinci:2023-07-21-v2')).toMatchObject({
      ...BUILTIN_PRICES['davinci-002'],
      source: 'builtin',
    });
    expect(lookupPrice('openai/babbage-002')).toMatchObject({ inputPerMillion: 0.4, outputPerMillion: 0.4 });
    expect(lookupPrice('openai/gpt-4o')).toBeNull();
    expect(lookupPrice([])).toBeNull();
  });

  it('prefers the user override, then the gateway, then the built-in table', () => {
    const overrides = { 'openai/gpt-3.5-turbo-instruct': { inputPerMillion: 1, outputPerMillion: 1 } };
    const model = 'openai/gpt-3.5-turbo-instruct';
    expect(lookupPrice(model, { overrides, gatewayModels })).toMatchObject({
      source: 'user',
      inputPerMillion: 1,
    });
    expect(lookupPrice(model, { gatewayModels })).toMatchObject({
      source: 'gateway',
      matched: 'openai/gpt-3.5-turbo-instruct',
      inputPerMillion: 1.5,
      outputPerMillion: 2,
    });
    // The gateway lists babbage-002 without a completion price: the built-in table answers.
    expect(lookupPrice('openai/babbage-002', { gatewayModels })).toMatchObject({ source: 'builtin' });
    // A free local model is priced at $0, not unknown.
    expect(lookupPrice('ollama/llama3', { gatewayModels })).toMatchObject({
      source: 'gateway',
      inputPerMillion: 0,
    });
  });

  it('matches an override typed as a bare name, and the response model when the request name is unknown', () => {
    const overrides = { 'my-model': { inputPerMillion: 3, outputPerMillion: 4 } };
    expect(lookupPrice('custom/my-model', { overrides })).toMatchObject({
      source: 'user',
      matched: 'my-model',
    });
    expect(lookupPrice(['azure/my-deployment', 'gpt-3.5-turbo-instruct:20230824-v2'])).toMatchObject({
      source: 'builtin',
      matched: 'gpt-3.5-turbo-instruct',
    });
  });
});

describe('price overrides', () => {
  it('parses persisted overrides, dropping invalid entries', () => {
    expect(
      parsePriceOverrides({
        'openai/davinci-002': { inputPerMillion: 2.5, outputPerMillion: 2.5 },
        bad: { inputPerMillion: -1, outputPerMillion: 1 },
        partial: { inputPerMillion: 1 },
        ' ': { inputPerMillion: 1, outputPerMillion: 1 },
      }),
    ).toEqual({ 'openai/davinci-002': { inputPerMillion: 2.5, outputPerMillion: 2.5 } });
    expect(parsePriceOverrides(null)).toEqual({});
    expect(parsePriceOverrides([1])).toEqual({});
  });

  it('sets and removes an override without mutating the original', () => {
    const original = { a: { inputPerMillion: 1, outputPerMillion: 1 } };
    const added = withPriceOverride(original, ' b ', { inputPerMillion: 2, outputPerMillion: 3 });
    expect(added).toEqual({ a: original.a, b: { inputPerMillion: 2, outputPerMillion: 3 } });
    expect(withPriceOverride(added, 'a', null)).toEqual({ b: { inputPerMillion: 2, outputPerMillion: 3 } });
    expect(original).toEqual({ a: { inputPerMillion: 1, outputPerMillion: 1 } });
    expect(() =>
      withPriceOverride(original, 'c', { inputPerMillion: Number.NaN, outputPerMillion: 1 }),
    ).toThrow();
  });

  it('prices the built-in local engine at zero unless the user set a price', () => {
    expect(lookupPrice('stories260K', { local: true })).toEqual({
      inputPerMillion: 0,
      outputPerMillion: 0,
      source: 'local',
      matched: 'stories260K',
    });
    // A local model named like an OpenAI one is still free: the built-in table is for OpenAI's API.
    expect(lookupPrice('gpt-3.5-turbo-instruct', { local: true })?.source).toBe('local');
    const overrides = { stories260K: { inputPerMillion: 0.1, outputPerMillion: 0.2 } };
    expect(lookupPrice('stories260K', { local: true, overrides })).toMatchObject({
      source: 'user',
      inputPerMillion: 0.1,
    });
  });
});
