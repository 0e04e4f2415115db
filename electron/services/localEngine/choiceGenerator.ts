import type { ControlledEvaluateInputItem, LlamaContextSequence, Token } from 'node-llama-cpp';
import { StreamingDetokenizer } from './detokenizer';
import { pickIndex, toLogDistribution, type LogDistribution, type SamplingOptions } from './sampler';
import { StopMatcher } from './stopMatcher';
import { tokenPiece, type TokenVocabulary } from './tokenPieces';
import type { FinishEvent, TokenEvent } from './types';

/** What one choice needs from the loaded model. */
export interface ChoiceModel {
  sequence: LlamaContextSequence;
  vocabulary: TokenVocabulary;
  bos: number | null;
  contextSize: number;
  isEndOfGeneration(token: number): boolean;
}

export interface ChoiceSpec {
  choice: number;
  /** The prompt's tokens, without BOS. */
  promptTokens: number[];
  /** The prompt's length in code points: where completion offsets start without echo. */
  promptLength: number;
  maxTokens: number;
  sampling: SamplingOptions;
  random: () => number;
  stop: string[];
  /** Top alternatives per token; null = no logprobs. */
  logprobs: number | null;
  echo: boolean;
  logitBias?: Record<number, number>;
  /** OpenAI's presence and frequency penalties (0 = none). */
  penalties?: { presence: number; frequency: number };
  signal: AbortSignal;
}

/** The next token as the last evaluation gave it: the raw distribution, or only the greedy pick. */
type NextToken = { probabilities: ReadonlyMap<number, number> } | { token: number };

type PendingToken = Omit<TokenEvent, 'offset'>;

/**
 * Generates one choice on a cleared sequence: the echoed prompt tokens (if asked), then one event per
 * generated token, then a FinishEvent. Returns the number of tokens generated. Checks the signal
 * before every token and throws its reason when aborted.
 */
export async function* generateChoice(
  model: ChoiceModel,
  spec: ChoiceSpec,
): AsyncGenerator<TokenEvent | FinishEvent, number, undefined> {
  const { sequence, vocabulary } = model;
  const throwIfAborted = () => {
    if (spec.signal.aborted) throw spec.signal.reason;
  };
  throwIfAborted();
  await sequence.clearHistory();
  const prefix = model.bos === null ? [] : [model.bos];
  const fullPrompt = [...prefix, ...spec.promptTokens];
  const detokenizer = new StreamingDetokenizer(vocabulary.decode, prefix);
  const assembler = new TokenAssembler(detokenizer, spec.stop, spec.echo ? 0 : spec.promptLength);
  const penalties = new PenaltyBias(spec.logitBias, spec.penalties);
  const needsDistribution = spec.logprobs !== null || spec.sampling.temperature > 0 || penalties.active;
  const echoLogprobs = spec.echo && spec.logprobs !== null;
  const limit = Math.min(spec.maxTokens, model.contextSize - fullPrompt.length);

  const evaluated = limit > 0 || echoLogprobs;
  const outputs = evaluated
    ? await sequence.controlledEvaluate(
        fullPrompt.map((id, at): ControlledEvaluateInputItem => {
          const last = at === fullPrompt.length - 1;
          if (last && limit > 0) return [id as Token, { generateNext: nextOptions(needsDistribution) }];
          if (echoLogprobs && at >= prefix.length && !last) {
            return [id as Token, { generateNext: { probabilities: true } }];
          }
          return id as Token;
        }),
      )
    : [];

  if (spec.echo) {
    for (let at = prefix.length; at < fullPrompt.length; at++) {
      const id = fullPrompt[at]!;
      const before = at > prefix.length ? outputs[at - 1]?.next.probabilities : undefined;
      const scored = echoLogprobs && before ? score(toLogDistribution(before), id) : null;
      yield* assembler.push(
        {
          ...baseToken(spec.choice, 'prompt', id, vocabulary, detokenizer),
          logprob: scored?.logprob ?? null,
          top: scored ? alternatives(scored.distribution, spec.logprobs ?? 0, vocabulary, detokenizer) : null,
        },
        false,
      ).events;
    }
    yield* assembler.end(false).events;
  }

  let next: NextToken | undefined = limit > 0 ? nextTokenOf(outputs[fullPrompt.length - 1]?.next) : undefined;
  let generated = 0;
  while (next && generated < limit) {
    throwIfAborted();
    let id: number;
    let logprob: number | null = null;
    let top: Array<[string, number]> | null = null;
    if ('probabilities' in next) {
      const distribution = toLogDistribution(next.probabilities, penalties.bias());
      const picked = pickIndex(distribution, spec.sampling, spec.random);
      id = distribution.ids[picked]!;
      if (spec.logprobs !== null) {
        logprob = distribution.logprobs[picked]!;
        top = alternatives(distribution, spec.logprobs, vocabulary, detokenizer);
      }
    } else id = next.token;
    if (model.isEndOfGeneration(id)) {
      yield* assembler.end(true).events;
      yield { type: 'finish', choice: spec.choice, finishReason: 'stop' };
      return generated;
    }
    generated++;
    penalties.count(id);
    const token = { ...baseToken(spec.choice, 'completion', id, vocabulary, detokenizer), logprob, top };
    const { events, stopped } = assembler.push(token, true);
    yield* events;
    if (stopped) {
      yield { type: 'finish', choice: spec.choice, finishReason: 'stop' };
      return generated;
    }
    if (generated >= limit) break;
    const [output] = await sequence.controlledEvaluate([
      [id as Token, { generateNext: nextOptions(needsDistribution) }],
    ]);
    next = nextTokenOf(output?.next);
  }
  const { events, stopped } = assembler.end(true);
  yield* events;
  yield { type: 'finish', choice: spec.choice, finishReason: stopped ? 'stop' : 'length' };
  return generated;
}

/** logit_bias plus the penalties for the tokens generated so far in this choice. */
class PenaltyBias {
  private readonly counts = new Map<number, number>();
  private readonly presence: number;
  private readonly frequency: number;

  constructor(
    private readonly logitBias: Record<number, number> | undefined,
    penalties: { presence: number; frequency: number } | undefined,
  ) {
    this.presence = penalties?.presence ?? 0;
    this.frequency = penalties?.frequency ?? 0;
  }

  get active(): boolean {
    return Object.keys(this.logitBias ?? {}).length > 0 || this.presence !== 0 || this.frequency !== 0;
  }

  count(id: number): void {
    if (this.presence !== 0 || this.frequency !== 0) this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
  }

  bias(): Record<number, number> | undefined {
    if (this.counts.size === 0) return this.logitBias;
    const bias: Record<number, number> = { ...this.logitBias };
    for (const [id, count] of this.counts)
      bias[id] = (bias[id] ?? 0) - this.presence - count * this.frequency;
    return bias;
  }
}

function nextOptions(needsDistribution: boolean) {
  // Temperature 0 makes llama.cpp return the full raw distribution (or the greedy token alone).
  return needsDistribution ? { probabilities: true } : { token: true, options: { temperature: 0 } };
}

function nextTokenOf(next: { token?: Token | null; probabilities?: Map<Token, number> } | undefined) {
  if (next?.probabilities) return { probabilities: next.probabilities as ReadonlyMap<number, number> };
  if (typeof next?.token === 'number') return { token: next.token as number };
  return undefined;
}

function score(distribution: LogDistribution, id: number) {
  const at = distribution.ids.indexOf(id);
  return { distribution, logprob: at >= 0 ? distribution.logprobs[at]! : -Infinity };
}

function baseToken(
  choice: number,
  source: TokenEvent['source'],
  tokenId: number,
  vocabulary: TokenVocabulary,
  detokenizer: StreamingDetokenizer,
): PendingToken {
  const piece = tokenPiece(vocabulary, tokenId, detokenizer.lastTokens());
  return { type: 'token', choice, source, tokenId, text: '', ...piece, logprob: null, top: null };
}

/** The k most likely tokens as [token, logprob], decoded in the current context; null for k = 0. */
function alternatives(
  distribution: LogDistribution,
  k: number,
  vocabulary: TokenVocabulary,
  detokenizer: StreamingDetokenizer,
): Array<[string, number]> | null {
  if (k <= 0) return null;
  const lastTokens = detokenizer.lastTokens();
  return distribution.ids
    .slice(0, k)
    .map((id, at): [string, number] => [
      tokenPiece(vocabulary, id, lastTokens).token,
      distribution.logprobs[at]!,
    ]);
}

/**
 * Detokenises, applies stop sequences and places the tokens: the tokens of one multi-byte character
 * are held until it is complete, then released together (only the last carries the text).
 */
class TokenAssembler {
  private group: PendingToken[] = [];
  private readonly stops: StopMatcher<PendingToken>;

  constructor(
    private readonly detokenizer: StreamingDetokenizer,
    stop: string[],
    private offset: number,
  ) {
    this.stops = new StopMatcher(stop);
  }

  push(token: PendingToken, applyStops: boolean): { events: TokenEvent[]; stopped: boolean } {
    this.group.push(token);
    const piece = this.detokenizer.push(token.tokenId);
    return piece === null ? { events: [], stopped: false } : this.complete(piece, applyStops);
  }

  /** End of the prompt or of the generation: flushes what is held. */
  end(applyStops: boolean): { events: TokenEvent[]; stopped: boolean } {
    const piece = this.detokenizer.flush();
    const result = piece === null ? { events: [], stopped: false } : this.complete(piece, applyStops);
    if (applyStops && !result.stopped) result.events.push(...this.stops.flush().map((t) => this.place(t)));
    return result;
  }

  private complete(piece: string, applyStops: boolean): { events: TokenEvent[]; stopped: boolean } {
    const last = this.group.length - 1;
    const group = this.group.map((token, at) => ({ ...token, text: at === last ? piece : '' }));
    this.group = [];
    const { release, stopped } = applyStops ? this.stops.push(group) : { release: group, stopped: false };
    return { events: release.map((token) => this.place(token)), stopped };
  }

  private place(token: PendingToken): TokenEvent {
    const event = { ...token, offset: this.offset };
    for (const _ of token.text) this.offset++;
    return event;
  }
}
