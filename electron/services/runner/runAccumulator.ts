import type { NormalizedCompletion } from '@shared/completions/normalize';
import type { RoutingInfo, RunSummary, Usage } from '@shared/contracts/runs';
import type { Batcher } from './batcher';

export interface RunTimes {
  /** When the request was sent. */
  startedAt: number;
  headersAt: number | null;
  endedAt: number;
}

/**
 * What a run learned from its response(s): per-choice finish reasons, usage, ids, the last
 * `extra_fields`, and a count of received tokens for the speed when usage is missing. Text and
 * tokens are not kept here: they go straight to the batcher (nothing is re-concatenated).
 */
export class RunAccumulator {
  private readonly finishReasons = new Map<number, string | null>();
  private usage: Usage | null = null;
  private extraFields: Record<string, unknown> | undefined;
  private responseId: string | undefined;
  private responseModel: string | undefined;
  private systemFingerprint: string | undefined;
  /** Tokens (when logprobs came) or text chunks received. */
  private receivedUnits = 0;
  firstTextAt: number | null = null;

  constructor(
    private readonly batcher: Batcher,
    private readonly startedAt: number,
  ) {}

  /** Applies one response body or stream chunk received at time `at`. */
  apply(completion: NormalizedCompletion, at: number): void {
    this.batcher.addArrival(at - this.startedAt);
    for (const choice of completion.choices) {
      const { index } = choice;
      const previous = this.finishReasons.get(index);
      if (previous === undefined) this.finishReasons.set(index, null);
      if (choice.text !== '') {
        this.batcher.addText(index, choice.text);
        this.firstTextAt ??= at;
      }
      if (choice.tokens && choice.tokens.length > 0) {
        this.batcher.addTokens(index, choice.tokens);
        this.receivedUnits += choice.tokens.length;
      } else if (choice.text !== '') {
        this.receivedUnits += 1;
      }
      if (choice.finishReason !== null && choice.finishReason !== previous) {
        this.finishReasons.set(index, choice.finishReason);
        this.batcher.finish(index, choice.finishReason);
      }
    }
    if (completion.usage) this.usage = completion.usage;
    if (completion.extraFields) this.extraFields = completion.extraFields;
    this.responseId = completion.id ?? this.responseId;
    this.responseModel = completion.model ?? this.responseModel;
    this.systemFingerprint = completion.systemFingerprint ?? this.systemFingerprint;
  }

  get anyFinished(): boolean {
    for (const reason of this.finishReasons.values()) if (reason !== null) return true;
    return false;
  }

  get lastExtraFields(): Record<string, unknown> | undefined {
    return this.extraFields;
  }

  summary(times: RunTimes, routing: RoutingInfo, streamed: boolean): RunSummary {
    const totalMs = Math.max(0, times.endedAt - times.startedAt);
    const ttfbMs = times.headersAt === null ? null : times.headersAt - times.startedAt;
    const ttftMs = this.firstTextAt === null ? null : this.firstTextAt - times.startedAt;
    const units = this.usage?.completionTokens ?? this.receivedUnits;
    // Streamed: generation speed after the first text. Not streamed: the text arrives all at
    // once, so the whole request time is the only meaningful denominator.
    const generationMs = streamed ? (ttftMs === null ? 0 : totalMs - ttftMs) : totalMs;
    const tokensPerSecond =
      ttftMs !== null && units > 0 && generationMs > 0 ? units / (generationMs / 1000) : null;
    const summary: RunSummary = {
      choices: [...this.finishReasons]
        .sort((a, b) => a[0] - b[0])
        .map(([index, finishReason]) => ({ index, finishReason })),
      usage: this.usage,
      timing: { ttfbMs, ttftMs, totalMs, tokensPerSecond },
      routing,
      streamed,
    };
    if (this.responseId !== undefined) summary.responseId = this.responseId;
    if (this.responseModel !== undefined) summary.responseModel = this.responseModel;
    if (this.systemFingerprint !== undefined) summary.systemFingerprint = this.systemFingerprint;
    return summary;
  }
}
