import type { Token } from 'node-llama-cpp';
import { generateChoice, type ChoiceModel } from './choiceGenerator';
import { loadLlamaModel, type LoadOptions } from './llamaLoader';
import { createRandom, randomSeed } from './sampler';
import { SerialQueue } from './serialQueue';
import { EngineInputError, type EngineEvent, type EngineRequest, type LocalEngine } from './types';

export type LocalEngineOptions = LoadOptions;

const DEFAULT_MAX_TOKENS = 16;

/**
 * Loads a GGUF model and serves completions from it, one request at a time, on one llama.cpp
 * sequence (cleared before every choice). Logprobs are the model's raw distribution; sampling at
 * temperature > 0 happens here, seeded, over that distribution.
 */
export async function createLocalEngine(options: LocalEngineOptions): Promise<LocalEngine> {
  const loaded = await loadLlamaModel(options);
  const queue = new SerialQueue();
  const disposing = new AbortController();
  const choiceModel: ChoiceModel = {
    sequence: loaded.sequence,
    vocabulary: loaded.vocabulary,
    bos: loaded.bos,
    contextSize: loaded.contextSize,
    isEndOfGeneration: (token) => loaded.model.isEogToken(token as Token),
  };
  const vocabularySize = loaded.vocabulary.texts?.length;
  let disposed: Promise<void> | undefined;

  async function* complete(
    request: EngineRequest,
    signal?: AbortSignal,
  ): AsyncGenerator<EngineEvent, void, undefined> {
    if (disposing.signal.aborted) throw new Error('The local engine was closed');
    const plan = planRequest(request, vocabularySize);
    const prompts = plan.prompts.map((text) => {
      const tokens = loaded.model.tokenize(text) as number[];
      const total = tokens.length + (loaded.bos === null ? 0 : 1);
      if (total === 0)
        throw new EngineInputError('The prompt is empty and the model has no BOS token', 'prompt');
      if (total >= loaded.contextSize) {
        throw new EngineInputError(
          `This model's maximum context length is ${loaded.contextSize} tokens; the prompt has ${total}.`,
          'prompt',
        );
      }
      return { text, tokens, total };
    });
    const combined = signal ? AbortSignal.any([signal, disposing.signal]) : disposing.signal;
    const release = await queue.acquire(combined);
    try {
      const random = createRandom(plan.seed);
      let completionTokens = 0;
      for (const [promptIndex, prompt] of prompts.entries()) {
        for (let copy = 0; copy < plan.n; copy++) {
          completionTokens += yield* generateChoice(choiceModel, {
            choice: promptIndex * plan.n + copy,
            promptTokens: prompt.tokens,
            promptLength: [...prompt.text].length,
            maxTokens: plan.maxTokens,
            sampling: { temperature: plan.temperature, topP: plan.topP },
            random,
            stop: plan.stop,
            logprobs: plan.logprobs,
            echo: plan.echo,
            logitBias: plan.logitBias,
            penalties: plan.penalties,
            signal: combined,
          });
        }
      }
      const promptTokens = prompts.reduce((sum, prompt) => sum + prompt.total, 0);
      yield {
        type: 'done',
        usage: { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens },
      };
    } finally {
      release();
    }
  }

  return {
    modelId: loaded.modelId,
    contextSize: loaded.contextSize,
    complete,
    dispose() {
      disposed ??= (async () => {
        disposing.abort(new Error('The local engine was closed'));
        await queue.idle();
        await loaded.dispose();
      })();
      return disposed;
    },
  };
}

interface RequestPlan {
  prompts: string[];
  maxTokens: number;
  temperature: number;
  topP: number;
  seed: number;
  n: number;
  stop: string[];
  logprobs: number | null;
  echo: boolean;
  logitBias?: Record<number, number>;
  penalties: { presence: number; frequency: number };
}

/** Defaults and range checks (the server validates the wire format; this guards direct callers too). */
export function planRequest(request: EngineRequest, vocabularySize?: number): RequestPlan {
  const prompts = typeof request.prompt === 'string' ? [request.prompt] : request.prompt;
  if (prompts.length === 0) throw new EngineInputError('prompt must not be an empty list', 'prompt');
  const maxTokens = request.maxTokens ?? DEFAULT_MAX_TOKENS;
  const wholeAtLeast = (value: number, min: number) => Number.isInteger(value) && value >= min;
  if (!wholeAtLeast(maxTokens, 0))
    throw new EngineInputError('max_tokens must be a whole number ≥ 0', 'max_tokens');
  const n = request.n ?? 1;
  if (!wholeAtLeast(n, 1)) throw new EngineInputError('n must be a whole number ≥ 1', 'n');
  const temperature = request.temperature ?? 1;
  if (!(temperature >= 0)) throw new EngineInputError('temperature must be ≥ 0', 'temperature');
  const topP = request.topP ?? 1;
  if (!(topP >= 0 && topP <= 1)) throw new EngineInputError('top_p must be between 0 and 1', 'top_p');
  const logprobs = request.logprobs ?? null;
  if (logprobs !== null && !wholeAtLeast(logprobs, 0)) {
    throw new EngineInputError('logprobs must be a whole number ≥ 0', 'logprobs');
  }
  const presence = request.presencePenalty ?? 0;
  const frequency = request.frequencyPenalty ?? 0;
  for (const [param, value] of [
    ['presence_penalty', presence],
    ['frequency_penalty', frequency],
  ] as const) {
    if (!(value >= -2 && value <= 2)) throw new EngineInputError(`${param} must be between -2 and 2`, param);
  }
  for (const id of Object.keys(request.logitBias ?? {})) {
    const token = Number(id);
    if (!wholeAtLeast(token, 0) || (vocabularySize !== undefined && token >= vocabularySize)) {
      throw new EngineInputError(`logit_bias: ${id} is not a token id of this model`, 'logit_bias');
    }
  }
  return {
    prompts,
    maxTokens,
    temperature,
    topP,
    seed: request.seed ?? randomSeed(),
    n,
    stop: (request.stop ?? []).filter((stop) => stop.length > 0),
    logprobs,
    echo: request.echo ?? false,
    logitBias: request.logitBias,
    penalties: { presence, frequency },
  };
}
