/** The message a tokenizer worker answers: count the tokens of each text. */
export interface CountRequest {
  id: number;
  texts: string[];
}

export type CountReply = { id: number; counts: number[] } | { id: number; error: string };

function isCountRequest(value: unknown): value is CountRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { id, texts } = value as Record<string, unknown>;
  return typeof id === 'number' && Array.isArray(texts) && texts.every((text) => typeof text === 'string');
}

/** Runs inside a worker: answers every CountRequest with the counts from `count`. */
export function serveCounts(count: (text: string) => number): void {
  const scope = globalThis as unknown as {
    onmessage: ((event: MessageEvent<unknown>) => void) | null;
    postMessage(message: CountReply): void;
  };
  scope.onmessage = (event) => {
    if (!isCountRequest(event.data)) return;
    const { id, texts } = event.data;
    try {
      scope.postMessage({ id, counts: texts.map(count) });
    } catch (error) {
      scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  };
}
