export interface ReadTextResult {
  text: string;
  /** The body was longer than `maxBytes`; `text` holds the first `maxBytes` bytes (decoded). */
  overLimit: boolean;
}

/**
 * Reads a whole body (through `reader`, which the caller may cancel) as UTF-8 text, at most `maxBytes` (then the rest is cancelled), calling
 * `onBytes` for every chunk (stall watchdog). Pieces are joined once at the end.
 */
export async function readBodyText(
  reader: ReadableStreamDefaultReader<Uint8Array> | null,
  maxBytes: number,
  onBytes: () => void,
): Promise<ReadTextResult> {
  if (!reader) return { text: '', overLimit: false };
  const decoder = new TextDecoder('utf-8');
  const pieces: string[] = [];
  let size = 0;
  let overLimit = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      onBytes();
      const room = maxBytes - size;
      if (value.byteLength > room) {
        pieces.push(decoder.decode(value.subarray(0, room), { stream: true }));
        overLimit = true;
        break;
      }
      size += value.byteLength;
      pieces.push(decoder.decode(value, { stream: true }));
    }
    pieces.push(decoder.decode());
  } finally {
    if (overLimit) reader.cancel().catch(() => undefined);
  }
  return { text: pieces.join(''), overLimit };
}
