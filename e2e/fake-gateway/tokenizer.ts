/**
 * The fake tokeniser: "\n" on its own, otherwise a word with the spaces before it (" world"),
 * and trailing spaces as one token. Joining the tokens gives back the input exactly.
 */
const PROMPT_TOKEN = /\n|[^\S\n]*\S+|[^\S\n]+/gu;

export function tokenizePrompt(prompt: string): string[] {
  return prompt.match(PROMPT_TOKEN) ?? [];
}

/**
 * JavaScript objects list integer-like keys ("0", "42") before all others whatever the insertion
 * order, so such tokens are kept out of `top_logprobs` dictionaries to keep them sorted.
 */
export function isArrayIndexKey(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;
}
