import { describe, expect, it } from 'vitest';
import { createSseDecoder, type SseFrame } from './sseDecoder';

const encoder = new TextEncoder();

function decodeInPieces(bytes: Uint8Array, cuts: number[]): SseFrame[] {
  const frames: SseFrame[] = [];
  const decoder = createSseDecoder((frame) => frames.push(frame));
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    decoder.push(bytes.subarray(start, cut));
    start = cut;
  }
  decoder.end();
  return frames;
}

const stream = [
  ': heartbeat\n',
  'data: {"choices":[{"index":0,"text":" café"}]}\n\n',
  ': keep-alive\n\n',
  'data: {"choices":[{"index":1,"text":" naïve 🙂"}]}\r\n\r\n',
  'event: error\ndata: {"error":"stream interceptor failed"}\n\n',
  'id: 7\nretry: 100\nunknown: field\ndata: line1\ndata: line2\n\n',
  'data: [DONE]\n\n',
].join('');

const expected: SseFrame[] = [
  { event: undefined, data: '{"choices":[{"index":0,"text":" café"}]}' },
  { event: undefined, data: '{"choices":[{"index":1,"text":" naïve 🙂"}]}' },
  { event: 'error', data: '{"error":"stream interceptor failed"}' },
  { event: undefined, data: 'line1\nline2' },
  { event: undefined, data: '[DONE]' },
];

describe('createSseDecoder', () => {
  it('decodes data frames, event names and [DONE]; ignores comments', () => {
    expect(decodeInPieces(encoder.encode(stream), [])).toEqual(expected);
  });

  it('gives the same frames when the bytes are split at every single position (incl. inside UTF-8)', () => {
    const bytes = encoder.encode(stream);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(decodeInPieces(bytes, [cut])).toEqual(expected);
    }
  });

  it('gives the same frames when fed one byte at a time', () => {
    const bytes = encoder.encode(stream);
    expect(
      decodeInPieces(
        bytes,
        Array.from({ length: bytes.length - 1 }, (_, i) => i + 1),
      ),
    ).toEqual(expected);
  });

  it('splits inside each multi-byte character in particular', () => {
    const bytes = encoder.encode('data: é🙂\n\n');
    // 'é' is 2 bytes at offset 6, '🙂' is 4 bytes at offset 8.
    for (const cut of [7, 9, 10, 11]) {
      expect(decodeInPieces(bytes, [cut])).toEqual([{ event: undefined, data: 'é🙂' }]);
    }
  });

  it('drops an unterminated last event', () => {
    expect(decodeInPieces(encoder.encode('data: a\n\ndata: b'), [])).toEqual([
      { event: undefined, data: 'a' },
    ]);
  });

  it('stops at an event longer than the limit: frames before it kept, onOverflow once, the rest ignored', () => {
    const frames: SseFrame[] = [];
    let overflows = 0;
    const decoder = createSseDecoder((frame) => frames.push(frame), {
      maxEventChars: 1000,
      onOverflow: () => overflows++,
    });
    decoder.push(encoder.encode('data: first\n\ndata: '));
    for (let i = 0; i < 50; i++) decoder.push(encoder.encode('x'.repeat(100)));
    decoder.push(encoder.encode('\n\ndata: after\n\n'));
    decoder.end();
    expect(frames).toEqual([{ event: undefined, data: 'first' }]);
    expect(overflows).toBe(1);
  });

  it('a long event within the limit, and many data lines of one event, still decode', () => {
    const frames: SseFrame[] = [];
    const decoder = createSseDecoder((frame) => frames.push(frame), {
      maxEventChars: 10_000,
      onOverflow: () => {
        throw new Error('no overflow expected');
      },
    });
    decoder.push(encoder.encode(`data: ${'y'.repeat(9000)}\n\n`));
    decoder.push(encoder.encode(`${'data: z\n'.repeat(3000)}\n`));
    decoder.end();
    expect(frames.map((f) => f.data.length)).toEqual([9000, 5999]);
  });
});
