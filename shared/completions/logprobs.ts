import type { NormalizedToken } from './normalize';
import { arrayOf, finiteNumberOf, integerOf, isRecord, stringOf, type JsonRecord } from './jsonShape';

/**
 * Reads a choice's logprobs object, in the legacy completions shape
 * (`tokens`/`token_logprobs`/`top_logprobs`/`text_offset`, column-wise) or the `content[]` shape
 * (`[{token, logprob, bytes, top_logprobs:[{token, logprob, bytes}]}]`). Returns null when the value
 * carries neither.
 */
export function normalizeLogprobs(value: unknown): NormalizedToken[] | null {
  if (!isRecord(value)) return null;
  const content = arrayOf(value.content);
  if (content) return content.filter(isRecord).map(contentToken);
  const tokens = arrayOf(value.tokens);
  if (tokens) return legacyTokens(value, tokens);
  return null;
}

function legacyTokens(logprobs: JsonRecord, tokens: unknown[]): NormalizedToken[] {
  const tokenLogprobs = arrayOf(logprobs.token_logprobs) ?? [];
  const topLogprobs = arrayOf(logprobs.top_logprobs) ?? [];
  const offsets = arrayOf(logprobs.text_offset) ?? [];
  const result: NormalizedToken[] = [];
  for (let k = 0; k < tokens.length; k++) {
    result.push({
      // A byte-fallback token such as `bytes:\xe2\x80` is kept literally: it is what the provider sent.
      token: stringOf(tokens[k]) ?? '',
      logprob: finiteNumberOf(tokenLogprobs[k]) ?? null,
      top: topFromDict(topLogprobs[k]),
      bytes: null,
      offset: integerOf(offsets[k]) ?? null,
    });
  }
  return result;
}

/** `{token: logprob}` → [token, logprob] pairs, most likely first (ties keep the provider's order). */
function topFromDict(value: unknown): Array<[string, number]> | null {
  if (!isRecord(value)) return null;
  const pairs: Array<[string, number]> = [];
  // Object.keys, not entries: no [key, value] array per alternative just to be read once.
  const keys = Object.keys(value);
  for (let index = 0; index < keys.length; index++) {
    const token = keys[index] as string;
    const number = finiteNumberOf(value[token]);
    if (number !== undefined) pairs.push([token, number]);
  }
  return sortByLogprob(pairs);
}

function contentToken(entry: JsonRecord): NormalizedToken {
  return {
    token: stringOf(entry.token) ?? '',
    logprob: finiteNumberOf(entry.logprob) ?? null,
    top: topFromList(entry.top_logprobs),
    bytes: bytesOf(entry.bytes),
    offset: null,
  };
}

function topFromList(value: unknown): Array<[string, number]> | null {
  const list = arrayOf(value);
  if (!list) return null;
  const pairs: Array<[string, number]> = [];
  for (const alternative of list) {
    if (!isRecord(alternative)) continue;
    const token = stringOf(alternative.token);
    const logprob = finiteNumberOf(alternative.logprob);
    if (token !== undefined && logprob !== undefined) pairs.push([token, logprob]);
  }
  return sortByLogprob(pairs);
}

function bytesOf(value: unknown): number[] | null {
  const list = arrayOf(value);
  if (!list) return null;
  const bytes: number[] = [];
  for (const byte of list) {
    const number = integerOf(byte);
    if (number === undefined) return null;
    bytes.push(number);
  }
  return bytes;
}

function sortByLogprob(pairs: Array<[string, number]>): Array<[string, number]> {
  // Providers usually send them most likely first already: checking is cheaper than sorting.
  for (let index = 1; index < pairs.length; index++) {
    if ((pairs[index - 1] as [string, number])[1] < (pairs[index] as [string, number])[1])
      return pairs.sort((a, b) => b[1] - a[1]);
  }
  return pairs;
}
