import { describe, expect, it } from 'vitest';
import { normalizeCompletion } from '@shared/completions/normalize';
import { CompletionCollector, legacyLogprobs, StreamChunker, type ResponseMeta } from './openaiResponse';
import type { EngineEvent, TokenEvent } from './types';

function token(choice: number, text: string, offset: number, extra: Partial<TokenEvent> = {}): TokenEvent {
  return {
    type: 'token',
    choice,
    source: 'completion',
    tokenId: 1,
    text,
    token: text,
    bytes: [...new TextEncoder().encode(text)],
    logprob: -0.5,
    top: [[text, -0.5]],
    offset,
    ...extra,
  };
}

const meta: ResponseMeta = { id: 'cmpl-x', created: 1, model: 'm', withLogprobs: true };
const usage = { promptTokens: 3, completionTokens: 3, totalTokens: 6 };
const events: EngineEvent[] = [
  token(0, ' a', 5),
  token(0, '', 7, { token: 'bytes:\\xc3', logprob: -1, top: null }),
  token(0, 'é', 7, { token: 'bytes:\\xa9', logprob: -2 }),
  { type: 'finish', choice: 0, finishReason: 'length' },
  { type: 'done', usage },
];

describe('legacyLogprobs', () => {
  it('writes the columns, keeping the more likely of two alternatives that spell the same text', () => {
    const columns = legacyLogprobs([
      token(0, 'x', 4, {
        top: [
          ['x', -0.1],
          ['y', -1],
          ['x', -3],
        ],
      }),
    ]);
    expect(columns).toEqual({
      tokens: ['x'],
      token_logprobs: [-0.5],
      top_logprobs: [{ x: -0.1, y: -1 }],
      text_offset: [4],
    });
  });
});

describe('CompletionCollector', () => {
  it('builds the text_completion body', () => {
    const collector = new CompletionCollector();
    for (const event of events) collector.add(event);
    const body = collector.body(meta);
    expect(body).toMatchObject({ id: 'cmpl-x', object: 'text_completion', created: 1, model: 'm' });
    expect(body.usage).toEqual({ prompt_tokens: 3, completion_tokens: 3, total_tokens: 6 });
    expect(body.choices).toEqual([
      {
        text: ' aé',
        index: 0,
        finish_reason: 'length',
        logprobs: {
          tokens: [' a', 'bytes:\\xc3', 'bytes:\\xa9'],
          token_logprobs: [-0.5, -1, -2],
          top_logprobs: [{ ' a': -0.5 }, null, { é: -0.5 }],
          text_offset: [5, 7, 7],
        },
      },
    ]);
    expect(new CompletionCollector().body({ ...meta, withLogprobs: false }).choices).toEqual([]);
  });
});

describe('StreamChunker', () => {
  it('sends a chunk per token, then the finish_reason with usage on the last finish chunk', () => {
    const chunker = new StreamChunker(meta);
    const chunks = events.flatMap((event) => chunker.chunks(event));
    expect(chunks).toHaveLength(4);
    const normalized = chunks.map((chunk) => normalizeCompletion(chunk));
    expect(normalized.map((chunk) => chunk.choices[0]?.text)).toEqual([' a', '', 'é', '']);
    expect(normalized.at(-1)).toMatchObject({
      choices: [{ finishReason: 'length' }],
      usage: { totalTokens: 6 },
    });
    expect(normalized.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
  });

  it('without logprobs skips tokens that carry no text, and each choice gets its own finish chunk', () => {
    const chunker = new StreamChunker({ ...meta, withLogprobs: false });
    const chunks = [
      ...events.slice(0, 4),
      token(1, 'b', 0),
      { type: 'finish', choice: 1, finishReason: 'stop' } as const,
      events[4]!,
    ].flatMap((event) => chunker.chunks(event));
    const normalized = chunks.map((chunk) => normalizeCompletion(chunk).choices[0]);
    expect(
      normalized.map((choice) => [choice?.index, choice?.text, choice?.finishReason, choice?.tokens]),
    ).toEqual([
      [0, ' a', null, null],
      [0, 'é', null, null],
      [0, '', 'length', null],
      [1, 'b', null, null],
      [1, '', 'stop', null],
    ]);
    expect(chunks.at(-1)).toHaveProperty('usage.total_tokens', 6);
  });
});
