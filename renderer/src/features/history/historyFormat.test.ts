import { describe, expect, it } from 'vitest';
import {
  exportFileName,
  formatEntryTokens,
  formatRunTime,
  historyStatusLabel,
  importSummary,
  promptLine,
} from './historyFormat';

describe('history row text', () => {
  it('shows Stop (older "aborted") and crashes as interrupted', () => {
    expect(historyStatusLabel('aborted')).toBe('interrupted');
    expect(historyStatusLabel('interrupted')).toBe('interrupted');
    expect(historyStatusLabel('completed')).toBe('completed');
    expect(historyStatusLabel('truncated')).toBe('truncated');
  });

  it('dates a run by how long ago it was', () => {
    const now = new Date(2026, 10, 27, 15, 0, 0).getTime();
    expect(formatRunTime(new Date(2026, 10, 27, 14, 3, 21).getTime(), now, 'en-US')).toBe('14:03:21');
    expect(formatRunTime(new Date(2026, 10, 26, 9, 5).getTime(), now, 'en-US')).toBe('Nov 26, 09:05');
    expect(formatRunTime(new Date(2025, 0, 2, 9, 5).getTime(), now, 'en-US')).toBe('Jan 2, 2025, 09:05');
  });

  it('counts tokens from whatever usage the provider reported', () => {
    expect(formatEntryTokens(null)).toBe('—');
    expect(formatEntryTokens({})).toBe('—');
    expect(formatEntryTokens({ totalTokens: 1234 })).toBe('1,234 tokens');
    expect(formatEntryTokens({ promptTokens: 4, completionTokens: 16 })).toBe('20 tokens');
  });

  it('puts a prompt on one line', () => {
    expect(promptLine('Once upon\n\ta  time ')).toBe('Once upon a time');
    expect(promptLine(' \n')).toBe('(empty prompt)');
  });

  it('names export files by date and sums up imports', () => {
    expect(exportFileName('history', new Date(2026, 0, 5, 9, 7))).toBe('history-2026-01-05-0907.json');
    expect(importSummary(3, 0, 'run')).toBe('Imported 3 runs.');
    expect(importSummary(1, 1, 'run')).toBe('Imported 1 run; 1 run was already there.');
    expect(importSummary(0, 2, 'preset')).toBe('Imported 0 presets; 2 presets were already there.');
  });
});
