/**
 * The local engine's own request and event types: the OpenAI `/v1/completions` fields it supports,
 * already validated (see requestSchema.ts), and what `complete()` yields.
 */

export interface EngineRequest {
  /** One prompt or several; choices are indexed prompt-major (prompt p, choice i → p * n + i). */
  prompt: string | string[];
  /** Default 16 (OpenAI's). 0 with echo gives only the echo. */
  maxTokens?: number;
  /** Default 1 (OpenAI's). 0 = greedy. */
  temperature?: number;
  /** Default 1. */
  topP?: number;
  /** Default: a random seed (so without one, two runs differ, as with OpenAI). */
  seed?: number;
  /** Choices per prompt, generated one after another. Default 1. */
  n?: number;
  stop?: string[];
  /** Number of top alternatives per token; undefined/null = no logprobs at all. */
  logprobs?: number | null;
  echo?: boolean;
  /** Token id → bias added to the token's logit before sampling (-100 bans, 100 forces). */
  logitBias?: Record<number, number>;
  /** OpenAI's penalties (-2..2): the logit of a token already generated in this choice is lowered by
   * `presencePenalty + count * frequencyPenalty`. Default 0. */
  presencePenalty?: number;
  frequencyPenalty?: number;
}

export type FinishReason = 'stop' | 'length';

export interface EngineUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** One token of a choice: an echoed prompt token or a generated one. */
export interface TokenEvent {
  type: 'token';
  choice: number;
  /** Where the token comes from. */
  source: 'prompt' | 'completion';
  tokenId: number;
  /**
   * The text this token adds to the choice's text. '' while a multi-byte character is incomplete
   * (the completing token carries the whole character), so the texts concatenate exactly to the text.
   */
  text: string;
  /** The token as OpenAI's legacy logprobs spell it: its piece, or `bytes:\xNN` when not whole UTF-8. */
  token: string;
  /** UTF-8 bytes of the token's own piece. */
  bytes: number[];
  /** null when logprobs were not asked for, and for the first echoed prompt token. */
  logprob: number | null;
  /** Top alternatives, most likely first; null when logprobs were not asked for (or k = 0). */
  top: Array<[string, number]> | null;
  /** Offset of `text` in the choice's text (prompt included), in Unicode code points, as OpenAI counts. */
  offset: number;
}

export interface FinishEvent {
  type: 'finish';
  choice: number;
  finishReason: FinishReason;
}

/** Always the last event of a request that was not aborted. */
export interface DoneEvent {
  type: 'done';
  usage: EngineUsage;
}

export type EngineEvent = TokenEvent | FinishEvent | DoneEvent;

/** A request the engine cannot serve as given; `param` names the OpenAI field at fault. */
export class EngineInputError extends Error {
  constructor(
    message: string,
    readonly param: string | null,
  ) {
    super(message);
    this.name = 'EngineInputError';
  }
}

export interface LocalEngine {
  /** The model's name as /v1/models lists it (the file name without `.gguf`). */
  readonly modelId: string;
  readonly contextSize: number;
  /**
   * Runs one request. Requests are served one at a time, in order. Throws EngineInputError for a
   * request it cannot serve, and the signal's reason when aborted (checked before every token).
   */
  complete(request: EngineRequest, signal?: AbortSignal): AsyncGenerator<EngineEvent, void, undefined>;
  /** Aborts the running request, waits for it, and frees the model. */
  dispose(): Promise<void>;
}
