import { describe, expect, it } from 'vitest';
import { createHistoryIndex } from './historyIndex';
import { makeEntry } from './historyFixtures';

const ids = (entries: Array<{ id: string }>) => entries.map((e) => e.id);

describe('createHistoryIndex', () => {
  it('lists newest first whatever the insertion order, ties broken by id', () => {
    const index = createHistoryIndex([makeEntry('b', 200), makeEntry('a', 100)]);
    index.upsert(makeEntry('c', 300));
    index.upsert(makeEntry('d', 150));
    index.upsert(makeEntry('e', 200));
    expect(ids(index.list({ limit: 10 }).entries)).toEqual(['c', 'e', 'b', 'd', 'a']);
    expect(index.size).toBe(5);
  });

  it('replaces by id (moving the row when createdAt changed) and reports no-op upserts', () => {
    const index = createHistoryIndex([makeEntry('a', 100), makeEntry('b', 200)]);
    expect(index.upsert(makeEntry('a', 100))).toBe(false);
    expect(index.upsert(makeEntry('a', 100, { status: 'failed' }))).toBe(true);
    expect(index.get('a')?.status).toBe('failed');
    expect(index.upsert(makeEntry('a', 300))).toBe(true);
    expect(ids(index.all())).toEqual(['a', 'b']);
    expect(index.size).toBe(2);
  });

  it('searches prompt preview, model and profile name, case-insensitively', () => {
    const index = createHistoryIndex([
      makeEntry('p', 1, { promptPreview: 'Write a HAIKU about tea' }),
      makeEntry('m', 2, { model: 'openai/davinci-002' }),
      makeEntry('n', 3, { profileName: 'Team Gateway' }),
    ]);
    expect(ids(index.list({ query: 'haiku', limit: 10 }).entries)).toEqual(['p']);
    expect(ids(index.list({ query: 'DAVINCI', limit: 10 }).entries)).toEqual(['m']);
    expect(ids(index.list({ query: 'team gate', limit: 10 }).entries)).toEqual(['n']);
    expect(index.list({ query: 'nothing like this', limit: 10 })).toEqual({ entries: [], total: 0 });
    expect(index.list({ query: '   ', limit: 10 }).total).toBe(3);
  });

  it('pages with limit and the createdAt cursor; total counts every match', () => {
    const index = createHistoryIndex(
      Array.from({ length: 10 }, (_, i) => makeEntry(`r${i}`, i * 10, { model: i % 2 ? 'odd/m' : 'even/m' })),
    );
    const first = index.list({ limit: 3 });
    expect(ids(first.entries)).toEqual(['r9', 'r8', 'r7']);
    expect(first.total).toBe(10);
    const second = index.list({ limit: 3, before: first.entries.at(-1)?.createdAt });
    expect(ids(second.entries)).toEqual(['r6', 'r5', 'r4']);
    const odd = index.list({ query: 'odd/', limit: 2, before: 75 });
    expect(ids(odd.entries)).toEqual(['r7', 'r5']);
    expect(odd.total).toBe(5);
  });

  it('removes entries', () => {
    const index = createHistoryIndex([makeEntry('a', 1), makeEntry('b', 1), makeEntry('c', 2)]);
    expect(index.remove('b')).toBe(true);
    expect(index.remove('b')).toBe(false);
    expect(index.has('b')).toBe(false);
    expect(ids(index.all())).toEqual(['c', 'a']);
    expect(index.list({ query: 'prompt of b', limit: 5 }).total).toBe(0);
  });
});
