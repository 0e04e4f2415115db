import { chosenPosition, coverageAt, entropyBitsAt, rankAt, surprisalBitsOf } from './metrics';
import type { TokenSource } from './tokenStore';
import { describeTokenText } from './utf8Codec';

/** What the token inspector shows for one token. */
export interface TokenInspection {
  index: number;
  /** The token as sent (a byte token stays `bytes:\xe2\x80`). */
  token: string;
  /** The token for display: byte tokens decoded (or `\xE2\x80` when only part of a character), whitespace visible. */
  display: string;
  /** The token is only part of a UTF-8 character. */
  partialCharacter: boolean;
  logprob: number | null;
  probability: number | null;
  surprisalBits: number | null;
  /** 0 = most likely; null when not among the alternatives or none were returned. */
  rank: number | null;
  entropyBits: number | null;
  /** null when the provider returned no alternatives for this token. */
  alternatives: InspectedAlternative[] | null;
  /** Whether the chosen token is in `alternatives`. */
  chosenInTop: boolean;
  /** Σ probability of the alternatives (≤ 1); null without alternatives. */
  coverage: number | null;
  /** e.g. "93.6% of probability covered by the top 5"; null without alternatives. */
  coverageText: string | null;
}

export interface InspectedAlternative {
  token: string;
  display: string;
  partialCharacter: boolean;
  logprob: number;
  probability: number;
  isChosen: boolean;
}

const VISIBLE: Record<string, string> = {
  ' ': '␣',
  '\n': '↵',
  '\r': '␍',
  '\t': '⇥',
  '\u00a0': '⍽',
};

/**
 * Makes whitespace visible: space ␣, newline ↵, carriage return ␍, tab ⇥, no-break space ⍽, other
 * Unicode spaces and invisible format characters as `\u{…}`; the empty token as "∅".
 */
export function visibleWhitespace(text: string): string {
  if (text === '') return '∅';
  let out = '';
  for (const char of text) {
    const mapped = VISIBLE[char];
    if (mapped !== undefined) out += mapped;
    else if (/^[\s\u200b-\u200f\u2060\ufeff]$/u.test(char))
      out += `\\u{${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`;
    else out += char;
  }
  return out;
}

/** A probability as a percentage for humans: "87.3%", "100%", "<0.1%", "0%". */
export function formatProbability(probability: number): string {
  if (probability <= 0) return '0%';
  if (probability < 0.001) return '<0.1%';
  if (probability >= 0.9995 && probability < 1) return '>99.9%';
  const value = probability * 100;
  return `${value >= 99.95 ? '100' : value.toFixed(1).replace(/\.0$/, '')}%`;
}

/** "X% of probability covered by the top k". */
export function coverageSentence(coverage: number, k: number): string {
  return `${formatProbability(coverage)} of probability covered by the top ${k}`;
}

function display(token: string, bytes: number[] | null): { display: string; partialCharacter: boolean } {
  const described = describeTokenText(token, bytes);
  return {
    display: described.partial ? described.text : visibleWhitespace(described.text),
    partialCharacter: described.partial,
  };
}

/** Everything the inspector shows for token `index` of a choice. */
export function inspectToken(source: TokenSource, index: number): TokenInspection {
  const token = source.tokenAt(index);
  const logprob = source.logprobAt(index);
  const position = source.hasTop(index) ? chosenPosition(source, index) : -1;
  let alternatives: InspectedAlternative[] | null = null;
  if (source.hasTop(index)) {
    alternatives = [];
    for (let rank = 0; rank < source.topCountAt(index); rank++) {
      const alternative = source.topTokenAt(index, rank);
      const alternativeLogprob = source.topLogprobAt(index, rank);
      alternatives.push({
        token: alternative,
        ...display(alternative, null),
        logprob: alternativeLogprob,
        probability: Math.exp(alternativeLogprob),
        isChosen: rank === position,
      });
    }
  }
  const coverage = coverageAt(source, index);
  return {
    index,
    token,
    ...display(token, source.bytesAt(index)),
    logprob,
    probability: logprob === null ? null : Math.exp(logprob),
    surprisalBits: surprisalBitsOf(logprob),
    rank: rankAt(source, index),
    entropyBits: entropyBitsAt(source, index),
    alternatives,
    chosenInTop: position >= 0,
    coverage,
    coverageText: coverage === null ? null : coverageSentence(coverage, source.topCountAt(index)),
  };
}

/**
 * The notice shown when logprobs were requested but the response carried none (some providers and
 * models ignore `logprobs`); null when nothing needs saying.
 */
export function missingLogprobsNotice(
  requestedLogprobs: number | undefined,
  receivedTokens: number,
): string | null {
  if (requestedLogprobs === undefined || receivedTokens > 0) return null;
  return `Logprobs were requested (logprobs: ${requestedLogprobs}) but the response has none: this provider or gateway dropped logprobs.`;
}
