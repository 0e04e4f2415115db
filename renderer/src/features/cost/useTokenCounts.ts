import { useEffect, useState } from 'react';
import { countTokensOffThread } from './tokenWorkers';
import { encodingFor, estimateTokens, type EncodingName } from './tokenEncoding';

export interface TokenCounts {
  counts: number[];
  /** The tokenizer used; null when the counts are estimates (unknown encoding, or it failed to load). */
  encoding: EncodingName | null;
  /** Still counting (the tokenizer is loading). */
  pending: boolean;
}

/** Token counts of `texts` for `model`: a real tokenizer (loaded on first use) when known, else an estimate. */
export function useTokenCounts(texts: readonly string[], model: string, enabled = true): TokenCounts {
  const encoding = encodingFor(model);
  const key = JSON.stringify(texts);
  const [result, setResult] = useState<{ key: string; encoding: EncodingName; counts: number[] } | null>(
    null,
  );
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!enabled || encoding === null) return;
    let cancelled = false;
    countTokensOffThread(JSON.parse(key) as string[], encoding).then(
      (counts) => {
        if (!cancelled) setResult({ key, encoding, counts });
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key, encoding, enabled]);

  if (encoding !== null && !failed) {
    if (result?.key === key && result.encoding === encoding)
      return { counts: result.counts, encoding, pending: false };
    return { counts: texts.map(estimateTokens), encoding: null, pending: enabled };
  }
  return { counts: texts.map(estimateTokens), encoding: null, pending: false };
}

/** `value`, once it has stopped changing for `delayMs`. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
