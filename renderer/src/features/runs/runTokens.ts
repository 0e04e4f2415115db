import type { TokenColumns } from '@shared/contracts/runs';
import type { PackedTokens } from '@shared/logprobs/packedTokens';
import { ChoiceTokenStores } from '@shared/logprobs/choiceTokenStores';
import type { TokenStore } from '@shared/logprobs/tokenStore';
import { DisplaySpanList } from '@shared/logprobs/utf8Merge';

/**
 * Logprob tokens of each run, kept OUTSIDE React state: column-wise stores fed by the once-per-frame
 * event pipeline (see `applyRunEvents`' `onTokens`). Components read them by run id and re-render on
 * the run's `tokenCount` (the version number, bumped at most once per frame).
 */
interface RunTokens {
  stores: ChoiceTokenStores;
  spans: Map<number, DisplaySpanList>;
}

const registry = new Map<string, RunTokens>();

/** Starts (or restarts) the token stores of a run; `echo` makes an echoed first token's 0 a null. */
export function createRunTokens(runId: string, echo: boolean): void {
  registry.set(runId, { stores: new ChoiceTokenStores({ echo }), spans: new Map() });
}

/** Forgets the runs not in `kept`. */
export function keepRunTokens(kept: readonly string[]): void {
  for (const runId of [...registry.keys()]) if (!kept.includes(runId)) registry.delete(runId);
}

/** Plain columns (e.g. a saved run's tokens). */
export function appendRunTokens(runId: string, columns: TokenColumns): void {
  registry.get(runId)?.stores.appendColumns(columns);
}

/** A streamed batch, as main packs it. */
export function appendPackedRunTokens(runId: string, packed: PackedTokens): void {
  registry.get(runId)?.stores.appendPacked(packed);
}

export function choiceTokenStore(runId: string, choice: number): TokenStore | null {
  return registry.get(runId)?.stores.get(choice) ?? null;
}

/**
 * The display spans (multi-byte characters merged) of a choice, synced with its store; flushed when
 * `finished` (the stream ended, no more tokens will come). null when the choice has no tokens.
 */
export function choiceSpans(runId: string, choice: number, finished: boolean): DisplaySpanList | null {
  const run = registry.get(runId);
  const store = run?.stores.get(choice);
  if (!run || !store) return null;
  let spans = run.spans.get(choice);
  if (!spans) {
    spans = new DisplaySpanList(store);
    run.spans.set(choice, spans);
  }
  if (finished) spans.finish();
  else spans.sync();
  return spans;
}
