import { scoreToken } from './logprobModel';
import { createRng, mixSeed, pick, randomInt, type Rng } from './prng';
import { tokenizePrompt } from './tokenizer';
import { ALTERNATIVES_POOL, SENTENCE_ENDS, SPECIAL_WORDS, STARTERS, WORDS } from './vocabulary';

export interface TokenDetail {
  token: string;
  /** null only for the first echoed prompt token (nothing precedes it). */
  logprob: number | null;
  /** Alternatives, most likely first; null when logprobs were not asked for (and for the first echoed token). */
  top: Array<[string, number]> | null;
  /** UTF-16 offset in prompt + generated text (the choice text when echoing), like OpenAI's `text_offset`. */
  offset: number;
}

export interface ChoiceSpec {
  prompt: string;
  maxTokens: number;
  stop: readonly string[];
  echo: boolean;
  /** Seeds the generated text and its logprobs. */
  seed: number;
  /** Seeds the logprobs of echoed prompt tokens (the same prompt scores the same whatever the seed). */
  promptSeed: number;
  greedy: boolean;
  /** `logprobs: k`; null when logprobs were not asked for. */
  topLogprobs: number | null;
}

export interface GeneratedChoice {
  /** What the choice's `text` is: the prompt (when echoing) followed by the generated text. */
  text: string;
  /** Echoed prompt tokens (empty without echo). */
  promptTokens: TokenDetail[];
  /** Generated tokens; joined they give the generated text exactly (a stop sequence cuts them). */
  completionTokens: TokenDetail[];
  finishReason: 'stop' | 'length';
  /** Sum of the generated tokens' logprobs (how best_of ranks candidates). */
  totalLogprob: number;
}

/**
 * The fake model: sentences of 2-5 words, ending in ".", "!" or "?", some followed by "\n" tokens.
 * Guarantees (tests rely on them): the first sentence ends with "." within the first 6 tokens and
 * contains a multi-byte word; a "\n" token follows the second sentence at the latest, within the
 * first 15 tokens.
 */
function* designatedTokens(rng: Rng): Generator<string, never> {
  let afterNewline = false;
  for (let sentence = 1; ; sentence++) {
    const words = randomInt(rng, 2, 5);
    const specialAt = sentence === 1 ? randomInt(rng, 1, words - 1) : -1;
    const commaAfter = sentence === 1 || rng() < 0.6 ? -1 : randomInt(rng, 0, words - 2);
    for (let w = 0; w < words; w++) {
      if (w === 0) {
        const starter = pick(rng, STARTERS);
        yield afterNewline ? starter : ` ${starter}`;
      } else if (w === specialAt || rng() < 0.08) {
        yield pick(rng, SPECIAL_WORDS);
      } else {
        yield pick(rng, WORDS);
      }
      if (w === commaAfter) yield ',';
    }
    yield sentence === 1 || rng() < 0.85 ? '.' : pick(rng, SENTENCE_ENDS);
    afterNewline = sentence % 2 === 0 || rng() < 0.2;
    if (afterNewline) {
      yield '\n';
      if (rng() < 0.4) yield '\n';
    }
  }
}

/** Generates up to maxTokens tokens; the first stop sequence found in the generated text cuts it there. */
function generateTokens(spec: ChoiceSpec): { tokens: string[]; finishReason: 'stop' | 'length' } {
  const source = designatedTokens(createRng(spec.seed));
  const stops = spec.stop.filter((s) => s.length > 0);
  const longestStop = Math.max(0, ...stops.map((s) => s.length));
  const tokens: string[] = [];
  let text = '';
  while (tokens.length < spec.maxTokens) {
    const token = source.next().value;
    const searchFrom = Math.max(0, text.length - longestStop + 1);
    text += token;
    tokens.push(token);
    let cut = -1;
    for (const stop of stops) {
      const at = text.indexOf(stop, searchFrom);
      if (at >= 0 && (cut < 0 || at < cut)) cut = at;
    }
    if (cut >= 0) return { tokens: cutTokens(tokens, cut), finishReason: 'stop' };
  }
  return { tokens, finishReason: 'length' };
}

/** Keeps the text before `cut`: whole tokens, then the part of the token the cut falls in (if any). */
function cutTokens(tokens: readonly string[], cut: number): string[] {
  const kept: string[] = [];
  let start = 0;
  for (const token of tokens) {
    if (start >= cut) break;
    kept.push(token.slice(0, cut - start));
    start += token.length;
  }
  return kept;
}

function scoreAll(
  tokens: readonly string[],
  seed: number,
  firstOffset: number,
  spec: ChoiceSpec,
  options: { greedy: boolean; nullFirst: boolean },
): TokenDetail[] {
  const details: TokenDetail[] = [];
  let offset = firstOffset;
  tokens.forEach((token, position) => {
    if (position === 0 && options.nullFirst) {
      details.push({ token, logprob: null, top: null, offset });
    } else {
      const score = scoreToken(token, createRng(mixSeed(seed, position)), {
        greedy: options.greedy,
        topK: spec.topLogprobs,
        pool: ALTERNATIVES_POOL,
      });
      details.push({ token, logprob: score.logprob, top: score.top, offset });
    }
    offset += token.length;
  });
  return details;
}

export function generateChoice(spec: ChoiceSpec): GeneratedChoice {
  const { tokens, finishReason } = generateTokens(spec);
  const completionTokens = scoreAll(tokens, mixSeed(spec.seed, 0x51ed), spec.prompt.length, spec, {
    greedy: spec.greedy,
    nullFirst: false,
  });
  const promptTokens = spec.echo
    ? scoreAll(tokenizePrompt(spec.prompt), spec.promptSeed, 0, spec, { greedy: false, nullFirst: true })
    : [];
  const generatedText = tokens.join('');
  return {
    text: spec.echo ? spec.prompt + generatedText : generatedText,
    promptTokens,
    completionTokens,
    finishReason,
    totalLogprob: completionTokens.reduce((sum, t) => sum + (t.logprob ?? 0), 0),
  };
}
