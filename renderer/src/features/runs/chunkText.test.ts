import { describe, expect, it } from 'vitest';
import {
  appendText,
  CHUNK_MAX,
  CHUNK_TARGET,
  emptyText,
  findChunkCut,
  fullText,
  type ChunkedText,
} from './chunkText';

function appendAll(deltas: string[]): ChunkedText {
  return deltas.reduce(appendText, emptyText);
}

describe('appendText', () => {
  it('keeps short text in the tail and reuses the chunk array', () => {
    const once = appendText(emptyText, 'Hello');
    const twice = appendText(once, ', world');
    expect(twice.tail).toBe('Hello, world');
    expect(twice.chunks).toBe(emptyText.chunks);
    expect(appendText(twice, '')).toBe(twice);
  });

  it('closes a chunk right after a newline near the target size', () => {
    const line = 'x'.repeat(99) + '\n';
    const text = appendAll(Array.from({ length: 30 }, () => line));
    expect(fullText(text)).toBe(line.repeat(30));
    expect(text.chunks.length).toBeGreaterThan(0);
    for (const chunk of text.chunks) {
      expect(chunk.endsWith('\n')).toBe(true);
      expect(chunk.length).toBeLessThanOrEqual(CHUNK_TARGET);
      expect(chunk.length).toBeGreaterThanOrEqual(CHUNK_TARGET / 4);
    }
  });

  it('leaves closed chunks untouched when more text arrives', () => {
    const first = appendText(emptyText, 'a'.repeat(1500) + '\n' + 'b'.repeat(600));
    expect(first.chunks).toHaveLength(1);
    const closed = first.chunks[0];
    const next = appendText(first, 'more');
    expect(next.chunks).toBe(first.chunks);
    expect(next.chunks[0]).toBe(closed);
  });

  it('waits for a newline after the target before cutting a long line', () => {
    const text = appendText(emptyText, 'y'.repeat(CHUNK_TARGET + 100));
    expect(text.chunks).toHaveLength(0);
    const withNewline = appendText(text, '\nz');
    expect(withNewline.chunks).toEqual(['y'.repeat(CHUNK_TARGET + 100) + '\n']);
    expect(withNewline.tail).toBe('z');
  });

  it('splits text without newlines at a space once it reaches the maximum', () => {
    const words = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' ');
    const text = appendText(emptyText, words);
    expect(fullText(text)).toBe(words);
    expect(text.chunks.length).toBeGreaterThan(0);
    for (const chunk of text.chunks) expect(chunk.endsWith(' ')).toBe(true);
    expect(text.tail.length).toBeLessThan(CHUNK_MAX);
  });

  it('never splits a surrogate pair when it has to cut mid-word', () => {
    const emoji = '🙂'.repeat(CHUNK_MAX);
    const text = appendText(emptyText, emoji);
    expect(fullText(text)).toBe(emoji);
    for (const chunk of text.chunks) {
      const last = chunk.charCodeAt(chunk.length - 1);
      expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
    }
  });

  it('cuts one large delta into many chunks', () => {
    const big = ('z'.repeat(499) + '\n').repeat(100);
    const text = appendText(emptyText, big);
    expect(fullText(text)).toBe(big);
    expect(text.chunks.length).toBeGreaterThanOrEqual(20);
  });
});

describe('findChunkCut', () => {
  it('waits while the tail is below the target', () => {
    expect(findChunkCut('a\n'.repeat(100))).toBe(-1);
  });
});
