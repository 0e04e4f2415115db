import {
  ECHO_MODE,
  echoHeadersError,
  isRetryableStatus,
  isStatusMode,
  parseFailureMode,
  statusModeError,
  unknownModeError,
  type ErrorSpec,
  type FailureMode,
} from './failures';
import type { ModelRef } from './types';

/** One model Bifrost would try, with the failure it is set up to produce (if any). */
export interface Attempt {
  ref: ModelRef;
  mode: FailureMode | undefined;
  /** Set when `fail/<x>` or `x-fake-fail: <x>` names no known mode. */
  unknownMode?: string;
}

export type Resolution =
  /** `attemptIndex` 0 = primary; the attempt's mode (if any) shapes the response it serves. */
  | { kind: 'serve'; attemptIndex: number; mode: FailureMode | undefined }
  /** Every attempt failed (or the primary failed with a non-retryable error): the primary's error. */
  | { kind: 'error'; error: ErrorSpec };

/** A model `fail/<mode>` fails that way; the `x-fake-fail` header applies to the primary only. */
export function buildAttempts(
  primary: ModelRef,
  fallbacks: readonly ModelRef[],
  headerMode?: string,
): Attempt[] {
  const toAttempt = (ref: ModelRef, override?: string): Attempt => {
    const requested = override ?? (ref.provider === 'fail' ? ref.model : undefined);
    if (requested === undefined) return { ref, mode: undefined };
    const mode = parseFailureMode(requested);
    return mode ? { ref, mode } : { ref, mode: undefined, unknownMode: requested };
  };
  const header = headerMode?.trim() ? headerMode : undefined;
  return [toAttempt(primary, header), ...fallbacks.map((ref) => toAttempt(ref))];
}

/**
 * The error an attempt fails with before anything is sent; null when it serves (possibly badly).
 * `requestHeaders` (lower-case names) are what `echo-headers` echoes.
 */
export function attemptError(
  attempt: Attempt,
  requestHeaders: Readonly<Record<string, string>> = {},
): ErrorSpec | null {
  if (attempt.unknownMode !== undefined) return unknownModeError(attempt.unknownMode);
  if (attempt.mode === ECHO_MODE) return echoHeadersError(requestHeaders);
  if (attempt.mode && isStatusMode(attempt.mode)) return statusModeError(attempt.mode, attempt.ref);
  return null;
}

/**
 * Bifrost's fallback rule: the primary first; on a retryable error (401, 402, 403, 429, 5xx) the
 * fallbacks in order; the first that does not fail serves. All fail → the primary's error. A
 * non-retryable primary error (400, 404) is returned at once. Modes that fail after the response
 * started (stream modes, HTML, non-JSON) count as serving: there is nothing left to retry.
 */
export function resolveFallbacks(
  attempts: readonly Attempt[],
  requestHeaders: Readonly<Record<string, string>> = {},
): Resolution {
  const [primary, ...fallbacks] = attempts;
  if (!primary) throw new Error('resolveFallbacks needs the primary attempt');
  const primaryError = attemptError(primary, requestHeaders);
  if (!primaryError) return { kind: 'serve', attemptIndex: 0, mode: primary.mode };
  if (!isRetryableStatus(primaryError.status)) return { kind: 'error', error: primaryError };
  for (const [i, fallback] of fallbacks.entries()) {
    if (!attemptError(fallback, requestHeaders))
      return { kind: 'serve', attemptIndex: i + 1, mode: fallback.mode };
  }
  return { kind: 'error', error: primaryError };
}
