import type { HistoryEntry, HistoryStatus } from '@shared/contracts/history';
import { formatCount } from '../runs/format';

/**
 * The status a history row shows: Stop and a crash both read "interrupted" ("aborted" is how older
 * files saved Stop); a run still saving ("running") is shown as such.
 */
export function historyStatusLabel(status: HistoryStatus): string {
  return status === 'aborted' ? 'interrupted' : status;
}

const sameDay = (a: Date, b: Date): boolean =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/** "14:03:21" today, "Nov 26, 14:03" this year, "Nov 26, 2025, 14:03" before. */
export function formatRunTime(createdAt: number, now: number, locale?: string): string {
  const date = new Date(createdAt);
  const today = new Date(now);
  const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  if (sameDay(date, today)) return date.toLocaleTimeString(locale, { ...time, second: '2-digit' });
  const year = date.getFullYear() === today.getFullYear() ? {} : { year: 'numeric' as const };
  return date.toLocaleString(locale, { month: 'short', day: 'numeric', ...year, ...time });
}

/** "28 tokens" (total, else prompt + completion), or "—". */
export function formatEntryTokens(usage: HistoryEntry['usage']): string {
  if (!usage) return '—';
  const total =
    usage.totalTokens ??
    (usage.promptTokens !== undefined || usage.completionTokens !== undefined
      ? (usage.promptTokens ?? 0) + (usage.completionTokens ?? 0)
      : undefined);
  return total === undefined ? '—' : `${formatCount(total)} tokens`;
}

/** The prompt preview on one line: newlines and tabs shown as spaces, "(empty prompt)" when blank. */
export function promptLine(preview: string): string {
  const line = preview.replace(/\s+/g, ' ').trim();
  return line === '' ? '(empty prompt)' : line;
}

/** "Export history-2026-11-27-1403.json": a file name that sorts by date. */
export function exportFileName(prefix: string, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  return `${prefix}-${stamp}.json`;
}

/** "Imported 3 runs; 1 was already there." */
export function importSummary(imported: number, skipped: number, noun: 'run' | 'preset'): string {
  const plural = (n: number) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const head = `Imported ${plural(imported)}`;
  if (skipped === 0) return `${head}.`;
  return `${head}; ${plural(skipped)} ${skipped === 1 ? 'was' : 'were'} already there.`;
}
