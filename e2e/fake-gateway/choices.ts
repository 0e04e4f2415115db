import { hashToSeed } from './prng';
import { generateChoice, type GeneratedChoice } from './textGenerator';
import { tokenizePrompt } from './tokenizer';

export interface ChoicesRequest {
  prompts: readonly string[];
  n: number;
  bestOf: number;
  maxTokens: number;
  stop: readonly string[];
  echo: boolean;
  seed: number | undefined;
  temperature: number | undefined;
  /** `logprobs: k`, or undefined when not asked for. */
  logprobs: number | undefined;
}

export interface PlannedChoice extends GeneratedChoice {
  /** Prompt-major: prompt p, choice j → p * n + j. */
  index: number;
  prompt: string;
}

export interface ChoicePlan {
  choices: PlannedChoice[];
  promptTokens: number;
  /** Every generated token, including best_of candidates that were not returned (as OpenAI bills them). */
  completionTokens: number;
  /** The longest generated choice: how many steps streaming (or waiting, when not streaming) takes. */
  steps: number;
}

/**
 * Seeds: with `seed` the output is a function of (seed, served model, prompt, candidate number); at
 * temperature 0 without a seed it is fixed too (greedy); otherwise it is random. `randomSeed` is only
 * used in that last case.
 */
export function planChoices(request: ChoicesRequest, servedModel: string, randomSeed: number): ChoicePlan {
  const greedy = request.temperature === 0;
  const baseSeed =
    request.seed !== undefined
      ? hashToSeed('seed', request.seed)
      : greedy
        ? hashToSeed('greedy')
        : randomSeed;
  const choices: PlannedChoice[] = [];
  let promptTokens = 0;
  let completionTokens = 0;
  let steps = 0;
  request.prompts.forEach((prompt, promptIndex) => {
    promptTokens += tokenizePrompt(prompt).length;
    const candidates: GeneratedChoice[] = [];
    for (let candidate = 0; candidate < Math.max(request.bestOf, request.n); candidate++) {
      const generated = generateChoice({
        prompt,
        maxTokens: request.maxTokens,
        stop: request.stop,
        echo: request.echo,
        seed: hashToSeed(baseSeed, servedModel, prompt, candidate),
        promptSeed: hashToSeed('prompt', servedModel, prompt),
        greedy,
        topLogprobs: request.logprobs ?? null,
      });
      completionTokens += generated.completionTokens.length;
      steps = Math.max(steps, generated.completionTokens.length);
      candidates.push(generated);
    }
    const returned =
      request.bestOf > request.n
        ? [...candidates].sort((a, b) => b.totalLogprob - a.totalLogprob).slice(0, request.n)
        : candidates.slice(0, request.n);
    returned.forEach((choice, j) => choices.push({ ...choice, index: promptIndex * request.n + j, prompt }));
  });
  return { choices, promptTokens, completionTokens, steps };
}
