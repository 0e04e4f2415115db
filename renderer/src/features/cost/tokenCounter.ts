import type { EncodingName } from './tokenEncoding';

type CountTokens = (text: string) => number;

/** Each encoding's module (several MB of ranks) is imported the first time it is needed, never at startup. */
const loaders: Record<EncodingName, () => Promise<CountTokens>> = {
  cl100k_base: () => import('gpt-tokenizer/encoding/cl100k_base').then((module) => module.countTokens),
  p50k_base: () => import('gpt-tokenizer/encoding/p50k_base').then((module) => module.countTokens),
  r50k_base: () => import('gpt-tokenizer/encoding/r50k_base').then((module) => module.countTokens),
};

const loaded = new Map<EncodingName, Promise<CountTokens>>();

export function loadCounter(encoding: EncodingName): Promise<CountTokens> {
  let counter = loaded.get(encoding);
  if (!counter) {
    counter = loaders[encoding]();
    loaded.set(encoding, counter);
    // A failed import may be retried later.
    counter.catch(() => loaded.delete(encoding));
  }
  return counter;
}

/** Token counts of several texts with a real tokenizer. Special-token text is counted as plain text. */
export async function countTokens(texts: readonly string[], encoding: EncodingName): Promise<number[]> {
  const count = await loadCounter(encoding);
  return texts.map((text) => count(text));
}
