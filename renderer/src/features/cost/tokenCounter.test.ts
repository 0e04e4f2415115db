import { describe, expect, it } from 'vitest';
import { countTokens } from './tokenCounter';

describe('countTokens', () => {
  it('counts with the real tokenizer of each encoding', async () => {
    expect(await countTokens(['Once upon a time', ''], 'cl100k_base')).toEqual([4, 0]);
    // " café" splits differently in the GPT-3 encodings
    const [cl100k] = await countTokens(['naïve café 🙂'], 'cl100k_base');
    const [p50k] = await countTokens(['naïve café 🙂'], 'p50k_base');
    expect(cl100k).toBeGreaterThan(3);
    expect(p50k).toBeGreaterThan(3);
  });
});
