import { randomBytes } from 'node:crypto';
import type { EngineEvent, EngineUsage, FinishReason, TokenEvent } from './types';

/** What every response and chunk of one completion shares. */
export interface ResponseMeta {
  id: string;
  created: number;
  model: string;
  /** Whether the request asked for logprobs (else `logprobs: null`). */
  withLogprobs: boolean;
}

export function newResponseMeta(model: string, withLogprobs: boolean): ResponseMeta {
  return {
    id: `cmpl-${randomBytes(12).toString('hex')}`,
    created: Math.floor(Date.now() / 1000),
    model,
    withLogprobs,
  };
}

export interface LegacyLogprobs {
  tokens: string[];
  token_logprobs: Array<number | null>;
  top_logprobs: Array<Record<string, number> | null>;
  text_offset: number[];
}

/** OpenAI's legacy (column-wise) logprobs object for these tokens. */
export function legacyLogprobs(tokens: readonly TokenEvent[]): LegacyLogprobs {
  return {
    tokens: tokens.map((token) => token.token),
    token_logprobs: tokens.map((token) => token.logprob),
    top_logprobs: tokens.map((token) => (token.top ? topDict(token.top) : null)),
    text_offset: tokens.map((token) => token.offset),
  };
}

/** `{token: logprob}`; when two alternatives spell the same text, the more likely one is kept. */
function topDict(top: ReadonlyArray<[string, number]>): Record<string, number> {
  const dict = Object.create(null) as Record<string, number>;
  for (const [token, logprob] of top) if (!(token in dict)) dict[token] = logprob;
  return dict;
}

function wireUsage(usage: EngineUsage) {
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.totalTokens,
  };
}

interface ChoiceState {
  text: string;
  tokens: TokenEvent[];
  finishReason: FinishReason | null;
}

/** Collects a whole completion into OpenAI's non-streaming `text_completion` body. */
export class CompletionCollector {
  private readonly choices = new Map<number, ChoiceState>();
  private usage: EngineUsage | null = null;

  add(event: EngineEvent): void {
    if (event.type === 'done') {
      this.usage = event.usage;
      return;
    }
    const choice = this.choices.get(event.choice) ?? { text: '', tokens: [], finishReason: null };
    this.choices.set(event.choice, choice);
    if (event.type === 'finish') choice.finishReason = event.finishReason;
    else {
      choice.text += event.text;
      choice.tokens.push(event);
    }
  }

  body(meta: ResponseMeta) {
    const choices = [...this.choices.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, choice]) => ({
        text: choice.text,
        index,
        logprobs: meta.withLogprobs ? legacyLogprobs(choice.tokens) : null,
        finish_reason: choice.finishReason,
      }));
    return {
      id: meta.id,
      object: 'text_completion',
      created: meta.created,
      model: meta.model,
      choices,
      ...(this.usage ? { usage: wireUsage(this.usage) } : {}),
    };
  }
}

/**
 * Turns engine events into OpenAI stream chunks (the JSON after `data: `): one per token (tokens without
 * text only when logprobs were asked for), an empty-text chunk with the finish_reason per choice, the
 * last of them carrying `usage`.
 */
export class StreamChunker {
  private pendingFinish: { choice: number; finishReason: FinishReason } | null = null;

  constructor(private readonly meta: ResponseMeta) {}

  /** The chunks to send for this event, in order. */
  chunks(event: EngineEvent): object[] {
    const out: object[] = [];
    if (event.type === 'done') {
      if (this.pendingFinish) out.push(this.finishChunk(this.pendingFinish, event.usage));
      else out.push({ ...this.envelope([]), usage: wireUsage(event.usage) });
      this.pendingFinish = null;
      return out;
    }
    if (this.pendingFinish) out.push(this.finishChunk(this.pendingFinish, null));
    this.pendingFinish = null;
    if (event.type === 'finish') this.pendingFinish = event;
    else if (event.text !== '' || this.meta.withLogprobs) {
      out.push(
        this.envelope([
          {
            text: event.text,
            index: event.choice,
            logprobs: this.meta.withLogprobs ? legacyLogprobs([event]) : null,
            finish_reason: null,
          },
        ]),
      );
    }
    return out;
  }

  private finishChunk(finish: { choice: number; finishReason: FinishReason }, usage: EngineUsage | null) {
    const chunk = this.envelope([
      { text: '', index: finish.choice, logprobs: null, finish_reason: finish.finishReason },
    ]);
    return usage ? { ...chunk, usage: wireUsage(usage) } : chunk;
  }

  private envelope(choices: object[]) {
    const { id, created, model } = this.meta;
    return { id, object: 'text_completion', created, choices, model };
  }
}
