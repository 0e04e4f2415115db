import { describe, expect, it } from 'vitest';
import { needsNextPage, nextCursor, rowWindow } from './historyWindow';

describe('rowWindow', () => {
  it('renders the visible rows plus an overscan, and spaces for the rest', () => {
    expect(rowWindow(0, 400, 10_000, 80, 5)).toEqual({
      start: 0,
      end: 11,
      before: 0,
      after: (10_000 - 11) * 80,
    });
    const middle = rowWindow(80 * 5000 + 40, 400, 10_000, 80, 5);
    expect(middle).toEqual({ start: 4995, end: 5011, before: 4995 * 80, after: (10_000 - 5011) * 80 });
    // Total height is the same wherever the window is.
    expect(middle.before + (middle.end - middle.start) * 80 + middle.after).toBe(10_000 * 80);
  });

  it('stays inside the list at its ends and for short lists', () => {
    expect(rowWindow(1e9, 400, 3, 80, 5)).toEqual({ start: 0, end: 3, before: 0, after: 0 });
    expect(rowWindow(-50, 0, 0, 80, 5)).toEqual({ start: 0, end: 0, before: 0, after: 0 });
    const end = rowWindow(80 * 9995, 400, 10_000, 80, 5);
    expect(end.end).toBe(10_000);
    expect(end.after).toBe(0);
  });
});

describe('paging', () => {
  it('asks for the next page near the end of what is loaded, only when there is more', () => {
    expect(needsNextPage({ start: 0, end: 20, before: 0, after: 0 }, 200, true)).toBe(false);
    expect(needsNextPage({ start: 150, end: 170, before: 0, after: 0 }, 200, true)).toBe(true);
    expect(needsNextPage({ start: 150, end: 170, before: 0, after: 0 }, 200, false)).toBe(false);
  });

  it('continues before the last row of a full page, and stops after a short one', () => {
    expect(nextCursor({ entries: [{ createdAt: 30 }, { createdAt: 20 }] }, 2)).toBe(20);
    expect(nextCursor({ entries: [{ createdAt: 30 }] }, 2)).toBeUndefined();
    expect(nextCursor({ entries: [] }, 2)).toBeUndefined();
  });
});
