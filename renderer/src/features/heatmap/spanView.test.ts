import { describe, expect, it } from 'vitest';
import { TokenStore } from '@shared/logprobs/tokenStore';
import { DisplaySpanList } from '@shared/logprobs/utf8Merge';
import { BLOCK_MAX, BlockSplitter, blockCount, scaleFor, spanView } from './spanView';

function spansOf(store: TokenStore): DisplaySpanList {
  const spans = new DisplaySpanList(store);
  spans.finish();
  return spans;
}

describe('spanView', () => {
  const store = new TokenStore({ echo: true });
  store.append('A', 0, null);
  store.append(' sure', Math.log(0.95), [[' sure', Math.log(0.95)]]);
  store.append(' maybe', Math.log(0.2), [
    [' perhaps', Math.log(0.6)],
    [' maybe', Math.log(0.2)],
  ]);
  const spans = spansOf(store);

  it('shows the first echoed token without a logprob and uncoloured, not as 0', () => {
    expect(spanView(store, spans, 0, 'probability', { k: 2 })).toEqual({
      text: 'A',
      first: 0,
      logprob: '',
      className: 'tok hn',
    });
  });

  it('colours by mode and underlines unlikely tokens', () => {
    const sure = spanView(store, spans, 1, 'probability', { k: 2 });
    expect(sure.className).toBe('tok h0');
    expect(Number(sure.logprob)).toBeCloseTo(Math.log(0.95));
    expect(spanView(store, spans, 2, 'probability', { k: 2 }).className).toBe('tok h8 low');
    expect(spanView(store, spans, 2, 'rank', { k: 2 }).className).toBe('tok h3 low');
    expect(spanView(store, spans, 1, 'rank', { k: 2 }).className).toBe('tok h0');
  });

  it('joins the logprobs of a merged character', () => {
    const split = new TokenStore();
    split.append('bytes:\\xc3', -0.5, null);
    split.append('bytes:\\xa9', -0.25, null);
    const view = spanView(split, spansOf(split), 0, 'surprisal', { k: 1 });
    expect(view.text).toBe('é');
    expect(Number(view.logprob)).toBeCloseTo(-0.75);
  });

  it('sizes blocks and the scale', () => {
    expect([blockCount(0), blockCount(512), blockCount(513)]).toEqual([0, 1, 2]);
    expect(scaleFor({})).toEqual({ k: 1 });
    expect(scaleFor({ logprobs: 5 })).toEqual({ k: 5 });
  });
});

describe('BlockSplitter', () => {
  const list = (texts: string[]) => ({ length: texts.length, textAt: (i: number) => texts[i] ?? '' });

  it('closes blocks after a newline once they are big enough, and keeps starts stable', () => {
    const splitter = new BlockSplitter();
    const texts = Array.from({ length: 600 }, (_, i) => (i === 10 || i === 520 ? 'x\n' : ' w'));
    expect(splitter.update(list(texts.slice(0, 300)))).toEqual([0]);
    expect(splitter.update(list(texts))).toEqual([0, 521]);
  });

  it('closes a block without newlines at BLOCK_MAX', () => {
    const texts = Array.from({ length: BLOCK_MAX + 3 }, () => ' w');
    expect(new BlockSplitter().update(list(texts))).toEqual([0, BLOCK_MAX]);
  });
});
