import { describe, expect, it } from 'vitest';
import { generateChoice, type ChoiceSpec } from './textGenerator';

const base: ChoiceSpec = {
  prompt: 'Tell me a story',
  maxTokens: 16,
  stop: [],
  echo: false,
  seed: 1234,
  promptSeed: 99,
  greedy: false,
  topLogprobs: 3,
};

const NON_ASCII = /[^ -~\n]/;

describe('generateChoice', () => {
  it('is deterministic for a seed, differs for another, and max_tokens only truncates', () => {
    const a = generateChoice(base);
    expect(generateChoice(base)).toEqual(a);
    expect(generateChoice({ ...base, seed: 1235 }).text).not.toBe(a.text);
    const short = generateChoice({ ...base, maxTokens: 5 });
    expect(short.completionTokens).toEqual(a.completionTokens.slice(0, 5));
    expect(a.completionTokens).toHaveLength(16);
    expect(a.finishReason).toBe('length');
    // The text does not depend on whether logprobs were asked for.
    expect(generateChoice({ ...base, topLogprobs: null }).text).toBe(a.text);
  });

  it('keeps its guarantees: multi-byte word and "." in the first sentence, "\\n" within 15 tokens', () => {
    for (let seed = 0; seed < 200; seed++) {
      const tokens = generateChoice({ ...base, seed, topLogprobs: null }).completionTokens.map(
        (t) => t.token,
      );
      const firstPeriod = tokens.indexOf('.');
      expect(firstPeriod).toBeGreaterThan(0);
      expect(firstPeriod).toBeLessThan(6);
      expect(tokens.slice(0, firstPeriod).some((t) => NON_ASCII.test(t))).toBe(true);
      expect(tokens.slice(0, 15)).toContain('\n');
    }
  });

  it('produces text equal to the joined tokens, with offsets after the prompt when not echoing', () => {
    const choice = generateChoice(base);
    expect(choice.completionTokens.map((t) => t.token).join('')).toBe(choice.text);
    const full = base.prompt + choice.text;
    for (const t of choice.completionTokens) {
      expect(full.slice(t.offset, t.offset + t.token.length)).toBe(t.token);
      expect(t.logprob).toBeLessThan(0);
    }
    expect(choice.completionTokens[0]?.offset).toBe(base.prompt.length);
    expect(choice.promptTokens).toEqual([]);
  });

  it('echoes the prompt as tokens (first logprob null) with offsets into the choice text', () => {
    const prompt = 'Un café  naïve 🙂\nok';
    const choice = generateChoice({ ...base, prompt, echo: true });
    expect(choice.text.startsWith(prompt)).toBe(true);
    const all = [...choice.promptTokens, ...choice.completionTokens];
    expect(all.map((t) => t.token).join('')).toBe(choice.text);
    for (const t of all) expect(choice.text.slice(t.offset, t.offset + t.token.length)).toBe(t.token);
    expect(choice.promptTokens.map((t) => t.token)).toEqual(['Un', ' café', '  naïve', ' 🙂', '\n', 'ok']);
    expect(choice.promptTokens[0]).toMatchObject({ logprob: null, top: null, offset: 0 });
    expect(choice.promptTokens[1]?.logprob).toBeLessThan(0);
    // Prompt logprobs depend on the prompt seed only, not on the sampling seed.
    expect(generateChoice({ ...base, prompt, echo: true, seed: 5 }).promptTokens).toEqual(
      choice.promptTokens,
    );
  });

  it('stops at the earliest stop sequence, which is not part of the text', () => {
    const choice = generateChoice({ ...base, stop: ['\n', '.'] });
    expect(choice.finishReason).toBe('stop');
    expect(choice.text).not.toContain('.');
    expect(choice.text).not.toContain('\n');
    expect(choice.completionTokens.map((t) => t.token).join('')).toBe(choice.text);
    expect(generateChoice(base).text.startsWith(choice.text)).toBe(true);
  });

  it('cuts a token when the stop sequence starts inside it', () => {
    const full = generateChoice({ ...base, maxTokens: 3 });
    const second = full.completionTokens[1]?.token ?? '';
    const stop = second.slice(2);
    expect(stop.length).toBeGreaterThan(0);
    const cut = generateChoice({ ...base, stop: [stop] });
    expect(cut.finishReason).toBe('stop');
    expect(cut.text).toBe(full.text.slice(0, full.text.indexOf(stop)));
    expect(cut.completionTokens.map((t) => t.token).join('')).toBe(cut.text);
  });

  it('handles max_tokens 0 (length, no tokens) and never finds a stop that is not generated', () => {
    const none = generateChoice({ ...base, maxTokens: 0, echo: true });
    expect(none).toMatchObject({ text: base.prompt, completionTokens: [], finishReason: 'length' });
    expect(generateChoice({ ...base, stop: ['zzz-never'] }).finishReason).toBe('length');
  });

  it('samples greedily at temperature 0: every token is its own top-1', () => {
    const choice = generateChoice({ ...base, greedy: true });
    for (const t of choice.completionTokens) expect(t.top?.[0]).toEqual([t.token, t.logprob]);
  });
});
