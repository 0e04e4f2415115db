import { describe, expect, it } from 'vitest';
import { parsePriceDraft } from './priceDraft';

describe('parsePriceDraft', () => {
  it('accepts a model and two amounts per 1M tokens, with or without $', () => {
    expect(parsePriceDraft({ model: ' openai/davinci-002 ', input: '$3', output: '0.5' })).toEqual({
      ok: true,
      model: 'openai/davinci-002',
      price: { inputPerMillion: 3, outputPerMillion: 0.5 },
    });
    expect(parsePriceDraft({ model: 'm', input: '0', output: '.25' })).toMatchObject({
      ok: true,
      price: { inputPerMillion: 0, outputPerMillion: 0.25 },
    });
  });

  it('names every problem', () => {
    expect(parsePriceDraft({ model: '  ', input: '-1', output: '' })).toEqual({
      ok: false,
      issues: {
        model: 'Name the model',
        input: 'Enter a number such as 1.50',
        output: 'Enter a price in USD per 1M tokens',
      },
    });
    expect(parsePriceDraft({ model: 'm', input: 'abc', output: '2000000' })).toEqual({
      ok: false,
      issues: { input: 'Enter a number such as 1.50', output: 'At most $1,000,000 per 1M tokens' },
    });
  });
});
