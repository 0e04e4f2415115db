/** At most this many replaced run views are kept while they are cleared (more are dropped at once). */
export const MAX_RETIRING = 4;

/**
 * The run views being retired after the shown run changed from `previous` to `next`: the previous one
 * joins them (newest last), the next one leaves them (shown again), and only the newest MAX_RETIRING stay.
 */
export function retiringAfter(
  retiring: readonly string[],
  previous: string | null,
  next: string | null,
): readonly string[] {
  const kept = retiring.filter((id) => id !== next && id !== previous);
  if (previous !== null && previous !== next) kept.push(previous);
  return kept.slice(-MAX_RETIRING);
}
