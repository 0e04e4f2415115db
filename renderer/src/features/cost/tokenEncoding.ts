import { normalizeModelName } from '@shared/cost/prices';

/** The tokenizers the prompt estimate can load (gpt-tokenizer's encodings). */
export type EncodingName = 'cl100k_base' | 'p50k_base' | 'r50k_base';

const EXACT: Readonly<Record<string, EncodingName>> = {
  'gpt-3.5-turbo-instruct': 'cl100k_base',
  'davinci-002': 'cl100k_base',
  'babbage-002': 'cl100k_base',
  'text-davinci-003': 'p50k_base',
  'text-davinci-002': 'p50k_base',
  'code-davinci-002': 'p50k_base',
  'code-davinci-001': 'p50k_base',
  'code-cushman-002': 'p50k_base',
  'code-cushman-001': 'p50k_base',
  'text-davinci-001': 'r50k_base',
  'text-curie-001': 'r50k_base',
  'text-babbage-001': 'r50k_base',
  'text-ada-001': 'r50k_base',
  davinci: 'r50k_base',
  curie: 'r50k_base',
  babbage: 'r50k_base',
  ada: 'r50k_base',
};

/**
 * The encoding OpenAI's completion models use, from the model id (any `provider/` prefix, `:version`
 * or date suffix ignored); null when it is not known, and the count has to be estimated.
 */
export function encodingFor(model: string): EncodingName | null {
  const name = normalizeModelName(model);
  const exact = EXACT[name];
  if (exact) return exact;
  if (name.startsWith('gpt-3.5-turbo-instruct')) return 'cl100k_base';
  return null;
}

/** A rough count for text whose tokenizer is unknown: about four characters per token. */
export function estimateTokens(text: string): number {
  return text === '' ? 0 : Math.ceil(text.length / 4);
}
