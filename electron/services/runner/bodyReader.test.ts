import { describe, expect, it } from 'vitest';
import { readBodyText } from './bodyReader';

const streamOf = (chunks: Uint8Array[], onCancel?: () => void): ReadableStream<Uint8Array> =>
  new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      if (!onCancel) controller.close();
    },
    cancel: onCancel,
  });

describe('readBodyText', () => {
  it('joins chunks split inside UTF-8 characters and counts each chunk as activity', async () => {
    const bytes = new TextEncoder().encode('café 🙂 ok');
    let calls = 0;
    const result = await readBodyText(
      streamOf([bytes.subarray(0, 4), bytes.subarray(4, 8), bytes.subarray(8)]).getReader(),
      1000,
      () => calls++,
    );
    expect(result).toEqual({ text: 'café 🙂 ok', overLimit: false });
    expect(calls).toBe(3);
  });

  it('stops at the byte limit and cancels the rest', async () => {
    let cancelled = false;
    const chunk = new TextEncoder().encode('x'.repeat(10));
    const result = await readBodyText(
      streamOf([chunk, chunk, chunk], () => (cancelled = true)).getReader(),
      15,
      () => undefined,
    );
    expect(result).toEqual({ text: 'x'.repeat(15), overLimit: true });
    await Promise.resolve();
    expect(cancelled).toBe(true);
  });

  it('a missing body is empty', async () => {
    expect(await readBodyText(null, 10, () => undefined)).toEqual({ text: '', overLimit: false });
  });
});
