import { describe, expect, it } from 'vitest';
import { planChoices, type ChoicesRequest } from './choices';
import { tokenizePrompt } from './tokenizer';

const request: ChoicesRequest = {
  prompts: ['Hello world'],
  n: 1,
  bestOf: 1,
  maxTokens: 8,
  stop: [],
  echo: false,
  seed: 7,
  temperature: undefined,
  logprobs: undefined,
};

describe('planChoices', () => {
  it('indexes choices prompt-major and counts usage from the tokens', () => {
    const plan = planChoices({ ...request, prompts: ['One two', 'Three four five'], n: 2 }, 'openai/m', 1);
    expect(plan.choices.map((c) => [c.index, c.prompt])).toEqual([
      [0, 'One two'],
      [1, 'One two'],
      [2, 'Three four five'],
      [3, 'Three four five'],
    ]);
    expect(plan.promptTokens).toBe(2 + 3);
    expect(plan.completionTokens).toBe(plan.choices.reduce((sum, c) => sum + c.completionTokens.length, 0));
    expect(plan.steps).toBe(8);
    expect(plan.choices[0]?.text).not.toBe(plan.choices[1]?.text);
  });

  it('is deterministic with a seed (per model) and random without one', () => {
    const a = planChoices(request, 'openai/m', 1);
    expect(planChoices(request, 'openai/m', 2).choices[0]?.text).toBe(a.choices[0]?.text);
    expect(planChoices(request, 'other/m', 1).choices[0]?.text).not.toBe(a.choices[0]?.text);
    const unseeded = { ...request, seed: undefined };
    expect(planChoices(unseeded, 'openai/m', 1).choices[0]?.text).not.toBe(
      planChoices(unseeded, 'openai/m', 2).choices[0]?.text,
    );
    const greedy = { ...unseeded, temperature: 0 };
    expect(planChoices(greedy, 'openai/m', 1).choices[0]?.text).toBe(
      planChoices(greedy, 'openai/m', 2).choices[0]?.text,
    );
  });

  it('best_of returns the n most likely candidates and bills every candidate', () => {
    const all = planChoices({ ...request, n: 4 }, 'openai/m', 1);
    const best = planChoices({ ...request, n: 2, bestOf: 4 }, 'openai/m', 1);
    const ranked = [...all.choices].sort((a, b) => b.totalLogprob - a.totalLogprob);
    expect(best.choices.map((c) => c.text)).toEqual(ranked.slice(0, 2).map((c) => c.text));
    expect(best.choices.map((c) => c.index)).toEqual([0, 1]);
    expect(best.completionTokens).toBe(all.completionTokens);
    expect(best.promptTokens).toBe(tokenizePrompt('Hello world').length);
  });
});
