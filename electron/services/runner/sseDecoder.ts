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

export interface SseDecoderOptions {
  /** Most characters one event may buffer before it ends (an endless line would grow memory forever). */
  maxEventChars: number;
  /** Called once when an event outgrows `maxEventChars`; everything after it is ignored. */
  onOverflow: () => void;
}

/**
 * Bytes → SSE frames: a streaming UTF-8 TextDecoder in front of eventsource-parser. Comment lines
 * (`: heartbeat`) and unknown fields are ignored here; the caller counts any arriving bytes as
 * activity for its stall watchdog.
 */
export function createSseDecoder(onFrame: (frame: SseFrame) => void, limit?: SseDecoderOptions): SseDecoder {
  const decoder = new TextDecoder('utf-8');
  let overflowed = false;
  const parser = createParser({
    onEvent: (message) => onFrame({ event: message.event, data: message.data }),
    onComment: () => undefined,
    maxBufferSize: limit?.maxEventChars,
    // Unknown fields and bad `retry:` values are ignorable per the SSE spec.
    onError: (error) => {
      if (error.type !== 'max-buffer-size-exceeded' || overflowed) return;
      overflowed = true;
      limit?.onOverflow();
    },
  });
  return {
    push(bytes) {
      // The parser refuses input once it overflowed.
      if (overflowed) return;
      const text = decoder.decode(bytes, { stream: true });
      if (text !== '') parser.feed(text);
    },
    end() {
      if (overflowed) return;
      const rest = decoder.decode();
      if (rest !== '') parser.feed(rest);
    },
  };
}
