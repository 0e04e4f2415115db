import { describe, expect, it } from 'vitest';
import { TokenStore } from '@shared/logprobs/tokenStore';
import { DisplaySpanList } from '@shared/logprobs/utf8Merge';
import { alternativeText, continuationParams, promptOfChoice, textBeforeSpan } from './continuePrompt';

describe('continue from here', () => {
  it('finds the prompt of a choice, prompt-major', () => {
    expect(promptOfChoice({ prompt: 'One' }, 3)).toBe('One');
    expect(promptOfChoice({ prompt: ['A', 'B'], n: 2 }, 1)).toBe('A');
    expect(promptOfChoice({ prompt: ['A', 'B'], n: 2 }, 2)).toBe('B');
  });

  it('joins the spans before a token, keeping whitespace and merged characters', () => {
    const store = new TokenStore();
    for (const token of ['Hi', ' \n', 'bytes:\\xf0\\x9f', 'bytes:\\x99\\x82', ' there'])
      store.append(token, -0.5, null);
    const spans = new DisplaySpanList(store);
    spans.finish();
    expect(spans.length).toBe(4);
    expect(textBeforeSpan(spans, 3)).toBe('Hi \n🙂');
    expect(textBeforeSpan(spans, 0)).toBe('');
  });

  it('builds the new prompt from the prompt, the output so far and the alternative', () => {
    const params = { model: 'p/m', prompt: 'Once', max_tokens: 8, temperature: 0.3 };
    expect(continuationParams(params, 0, ' upon a', ' time')).toEqual({
      ...params,
      prompt: 'Once upon a time',
    });
    expect(continuationParams({ ...params, echo: true }, 0, 'Once upon', ' a').prompt).toBe('Once upon a');
    const scored = continuationParams({ ...params, echo: true, max_tokens: 0 }, 0, 'Once', ' more');
    expect(scored).toEqual({ model: 'p/m', prompt: 'Once more', temperature: 0.3 });
    const several = continuationParams({ ...params, prompt: ['A', 'B'], n: 2 }, 3, ' x', ' y');
    expect(several.prompt).toBe('B x y');
    expect(several.n).toBeUndefined();
  });

  it('decodes a whole-character byte alternative', () => {
    expect(alternativeText('bytes:\\xc3\\xa9')).toBe('é');
    expect(alternativeText(' plain')).toBe(' plain');
  });
});
