import { createParser } from 'eventsource-parser';

export interface SseFrame {
  /** The `event:` name; undefined for plain `data:` frames. */
  event: string | undefined;
  data: string;
}

export interface SseDecoder {
  /** Feeds raw bytes as they arrive; a chunk may end anywhere, even inside a UTF-8 character. */
  push(bytes: Uint8Array): void;
  /** The body ended: decodes what the TextDecoder still holds. An unterminated last event is dropped (SSE spec). */
  end(): void;
}

/**
 * Bytes → SSE frames: a streaming UTF-8 TextDecoder in front of eventsource-parser. Comment lines
 * (`: heartbeat`) and unknown fields are ignored here; the caller counts any arriving bytes as
 * activity for its stall watchdog.
 */
export function createSseDecoder(onFrame: (frame: SseFrame) => void): SseDecoder {
  const decoder = new TextDecoder('utf-8');
  const parser = createParser({
    onEvent: (message) => onFrame({ event: message.event, data: message.data }),
    onComment: () => undefined,
    // Unknown fields and bad `retry:` values are ignorable per the SSE spec.
    onError: () => undefined,
  });
  return {
    push(bytes) {
      const text = decoder.decode(bytes, { stream: true });
      if (text !== '') parser.feed(text);
    },
    end() {
      const rest = decoder.decode();
      if (rest !== '') parser.feed(rest);
    },
  };
}
