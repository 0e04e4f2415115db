import { describe, expect, it } from 'vitest';
import { TokenStore } from '@shared/logprobs/tokenStore';
import { DisplaySpanList } from '@shared/logprobs/utf8Merge';
import { blockIsInline, escapeHtml, spansHtml } from './blockHtml';

describe('spansHtml', () => {
  const store = new TokenStore({ echo: true });
  store.append('<a href="x">', 0, null);
  store.append(' & then', Math.log(0.9), [[' & then', Math.log(0.9)]]);
  store.append('bytes:\\xf0\\x9f', -1, null);
  store.append('bytes:\\x99\\x82', -2, null);
  store.append('\n', -0.5, null);
  const spans = new DisplaySpanList(store);
  spans.finish();

  it('writes one token span per display span, text escaped, attributes for tests and the inspector', () => {
    const html = spansHtml(store, spans, 0, spans.length, 'probability', { k: 1 });
    expect(html.match(/data-testid="token"/g)).toHaveLength(4);
    expect(html).toContain(
      '<span data-testid="token" data-s="0" data-i="0" data-logprob="" class="tok hn">&lt;a href=&quot;x&quot;&gt;</span>',
    );
    expect(html).toContain('data-s="1" data-i="1"');
    expect(html).toContain('> &amp; then</span>');
    // The two byte tokens are one character: one span, first token 2, joint logprob -3.
    expect(html).toContain('data-s="2" data-i="2" data-logprob="-3"');
    expect(html).toContain('>🙂</span>');
    expect(html.endsWith('>\n</span>')).toBe(true);
  });

  it('writes just the range asked for', () => {
    const html = spansHtml(store, spans, 1, 3, 'rank', { k: 1 });
    expect(html.match(/data-testid/g)).toHaveLength(2);
    expect(html.startsWith('<span data-testid="token" data-s="1"')).toBe(true);
  });

  it('escapes what could end text or an attribute', () => {
    expect(escapeHtml(`<b>"&'</b>`)).toBe(`&lt;b&gt;&quot;&amp;'&lt;/b&gt;`);
  });
});

describe('blockIsInline', () => {
  it('keeps a block that ends a line, after one that did, as a block box; joins the rest to the line', () => {
    expect(blockIsInline(true, true)).toBe(false);
    expect(blockIsInline(false, true)).toBe(true);
    expect(blockIsInline(true, false)).toBe(true);
  });
});
