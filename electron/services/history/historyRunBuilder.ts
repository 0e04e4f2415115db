import type { EventName, EventPayload } from '@shared/contracts/api';
import {
  PROMPT_PREVIEW_LENGTH,
  type HistoryChoice,
  type HistoryEntry,
  type HistoryRun,
  type HistoryStatus,
} from '@shared/contracts/history';
import type { CompletionParams } from '@shared/contracts/params';
import type { ProviderKind } from '@shared/contracts/profiles';
import { unpackTokens } from '@shared/logprobs/packedTokens';
import type { RequestPreview, RunError, RunSummary, TokenColumns } from '@shared/contracts/runs';

/** What a saved run needs besides its events. */
export interface RunMeta {
  id: string;
  createdAt: number;
  profile: { id: string; name: string; kind: ProviderKind };
  params: CompletionParams;
  request: RequestPreview;
}

type Columns = Required<Pick<TokenColumns, 'choice' | 'token' | 'logprob' | 'top'>> &
  Pick<TokenColumns, 'bytes' | 'offset'>;

export function promptPreviewOf(prompt: CompletionParams['prompt']): string {
  const text = Array.isArray(prompt) ? prompt.join('\n') : prompt;
  return text.slice(0, PROMPT_PREVIEW_LENGTH);
}

/**
 * Rebuilds one run from its events, as the renderer sees them: text per choice (kept as pieces,
 * joined when saved), token columns split per choice, chunk arrival times, and the terminal event's
 * summary and error.
 */
export class HistoryRunBuilder {
  private readonly texts = new Map<number, string[]>();
  private readonly tokens = new Map<number, Columns>();
  private readonly finished = new Map<number, string | null>();
  private readonly arrivals: number[] = [];
  private summary: RunSummary | null = null;
  private error: RunError | null = null;
  private state: HistoryStatus = 'running';

  get status(): HistoryStatus {
    return this.state;
  }

  get ended(): boolean {
    return this.state !== 'running';
  }

  /** Applies one run event; events after the end are ignored. */
  apply(name: EventName, payload: unknown): void {
    if (this.ended) return;
    if (name === 'run.batch') this.applyBatch(payload as EventPayload<'run.batch'>);
    else if (name === 'run.completed') this.end('completed', payload as EventPayload<'run.completed'>);
    // Stopped by the user: saved as interrupted (like a crash), with what had arrived.
    else if (name === 'run.aborted') this.end('interrupted', payload as EventPayload<'run.aborted'>);
    else if (name === 'run.failed') {
      const failed = payload as EventPayload<'run.failed'>;
      this.error = failed.error;
      this.end(failed.error.kind === 'truncated' ? 'truncated' : 'failed', failed);
    }
  }

  /** The app or the window went away mid-run: keep what arrived. */
  interrupt(): void {
    if (!this.ended) this.state = 'interrupted';
  }

  build(meta: RunMeta): HistoryRun {
    const choices = this.choices();
    const summary = this.summary;
    const entry: HistoryEntry = {
      id: meta.id,
      createdAt: meta.createdAt,
      status: this.state,
      profileId: meta.profile.id,
      profileName: meta.profile.name,
      profileKind: meta.profile.kind,
      model: meta.params.model,
      promptPreview: promptPreviewOf(meta.params.prompt),
      choiceCount: choices.length,
      usage: summary?.usage ?? null,
    };
    if (summary?.usage?.costUsd !== undefined) entry.costUsd = summary.usage.costUsd;
    if (summary?.timing.ttftMs != null) entry.ttftMs = summary.timing.ttftMs;
    if (summary) entry.totalMs = summary.timing.totalMs;
    if (this.error) entry.errorTitle = this.error.title;
    return {
      entry,
      params: meta.params,
      request: meta.request,
      choices,
      summary,
      error: this.error,
      arrivals: [...this.arrivals],
    };
  }

  private end(status: HistoryStatus, payload: { summary: RunSummary }): void {
    this.summary = payload.summary;
    this.state = status;
  }

  private applyBatch(batch: EventPayload<'run.batch'>): void {
    batch.text.choice.forEach((choice, i) => {
      const pieces = this.texts.get(choice) ?? [];
      pieces.push(batch.text.delta[i] ?? '');
      this.texts.set(choice, pieces);
    });
    if (batch.tokens) this.appendTokens(unpackTokens(batch.tokens));
    for (const done of batch.finished ?? []) this.finished.set(done.index, done.finishReason);
    if (batch.arrivals) this.arrivals.push(...batch.arrivals);
  }

  private appendTokens(columns: TokenColumns): void {
    columns.choice.forEach((choice, k) => {
      let target = this.tokens.get(choice);
      if (!target) {
        target = { choice: [], token: [], logprob: [], top: [] };
        this.tokens.set(choice, target);
      }
      const length = target.token.length;
      target.choice.push(choice);
      target.token.push(columns.token[k] ?? '');
      target.logprob.push(columns.logprob[k] ?? null);
      target.top.push(columns.top[k] ?? null);
      if (columns.bytes || target.bytes) {
        target.bytes ??= new Array<null>(length).fill(null);
        target.bytes.push(columns.bytes?.[k] ?? null);
      }
      if (columns.offset || target.offset) {
        target.offset ??= new Array<null>(length).fill(null);
        target.offset.push(columns.offset?.[k] ?? null);
      }
    });
  }

  private choices(): HistoryChoice[] {
    const finishReasons = new Map(this.finished);
    for (const choice of this.summary?.choices ?? []) finishReasons.set(choice.index, choice.finishReason);
    const indices = new Set([...this.texts.keys(), ...this.tokens.keys(), ...finishReasons.keys()]);
    return [...indices]
      .sort((a, b) => a - b)
      .map((index) => {
        const choice: HistoryChoice = {
          index,
          text: (this.texts.get(index) ?? []).join(''),
          finishReason: finishReasons.get(index) ?? null,
        };
        const tokens = this.tokens.get(index);
        // Copies of the columns (the builder goes on appending); the entries themselves are never
        // changed after they arrive, so they are shared, not deep-cloned (a save runs every second).
        if (tokens) choice.tokens = copyColumns(tokens);
        return choice;
      });
  }
}

function copyColumns(columns: Columns): Columns {
  const copy: Columns = {
    choice: columns.choice.slice(),
    token: columns.token.slice(),
    logprob: columns.logprob.slice(),
    top: columns.top.slice(),
  };
  if (columns.bytes) copy.bytes = columns.bytes.slice();
  if (columns.offset) copy.offset = columns.offset.slice();
  return copy;
}
