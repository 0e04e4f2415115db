/** Recorded response bytes replayed as fresh streams, so every consumer reads the very same bytes. */

/** A typical TCP segment payload: how the bytes arrive from a socket. */
export const CHUNK_BYTES = 1460;

export function splitIntoChunks(bytes: Uint8Array, size = CHUNK_BYTES): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) {
    chunks.push(bytes.subarray(offset, Math.min(offset + size, bytes.length)));
  }
  return chunks;
}

/** A new stream over the chunks (one chunk per pull, as a socket delivers them). */
export function streamOf(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[next];
      next += 1;
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
}

/** A streamed completion response over the recorded chunks. */
export function sseResponse(chunks: readonly Uint8Array[]): Response {
  return new Response(streamOf(chunks), {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8' },
  });
}
