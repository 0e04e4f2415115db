import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveCounts, type CountReply } from './serveCounts';

describe('serveCounts', () => {
  const scope = globalThis as unknown as { onmessage: unknown; postMessage: unknown };
  const original = { onmessage: scope.onmessage, postMessage: scope.postMessage };
  afterEach(() => {
    scope.onmessage = original.onmessage;
    scope.postMessage = original.postMessage;
  });

  it('answers each request with the counts, or with the error, under the request id', () => {
    const replies: CountReply[] = [];
    scope.postMessage = vi.fn((reply: CountReply) => replies.push(reply));
    serveCounts((text) => {
      if (text === 'boom') throw new Error('bad text');
      return text.length;
    });
    const send = scope.onmessage as (event: { data: unknown }) => void;
    send({ data: { id: 1, texts: ['ab', 'abcd'] } });
    send({ data: { id: 2, texts: ['boom'] } });
    send({ data: { id: 3, texts: [4] } });
    send({ data: 'noise' });
    expect(replies).toEqual([
      { id: 1, counts: [2, 4] },
      { id: 2, error: 'bad text' },
    ]);
  });
});
