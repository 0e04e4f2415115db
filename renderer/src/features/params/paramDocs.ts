/**
 * Labels, ranges, defaults and help for every form field. Help is condensed from OpenAI's legacy
 * Completions API reference; the label always carries the API field name.
 */
export const numberParamNames = [
  'max_tokens',
  'temperature',
  'top_p',
  'frequency_penalty',
  'presence_penalty',
  'n',
  'best_of',
  'logprobs',
  'seed',
] as const;
export type NumberParamName = (typeof numberParamNames)[number];

export interface NumberParamSpec {
  field: NumberParamName;
  label: string;
  help: string;
  /** What the API does when the field is unset; shown as the placeholder. */
  placeholder: string;
  /** Allowed range in words, e.g. "0–2". */
  range: string;
  integer: boolean;
  /** Arrow-key step. */
  step: number;
  /** Where the arrow keys start from when the field is unset. */
  start: number;
  slider?: { min: number; max: number; step: number };
}

export const numberParams: Record<NumberParamName, NumberParamSpec> = {
  max_tokens: {
    field: 'max_tokens',
    label: 'Max tokens (max_tokens)',
    help: 'The most tokens to generate. Prompt plus completion must fit the model’s context.',
    placeholder: '16',
    range: '≥ 0',
    integer: true,
    step: 16,
    start: 16,
  },
  temperature: {
    field: 'temperature',
    label: 'Temperature (temperature)',
    help: 'Higher values make the output more random, lower values more focused and deterministic.',
    placeholder: '1',
    range: '0–2',
    integer: false,
    step: 0.1,
    start: 1,
    slider: { min: 0, max: 2, step: 0.01 },
  },
  top_p: {
    field: 'top_p',
    label: 'Top P (top_p)',
    help: 'Nucleus sampling: only tokens within the top_p probability mass are considered. Change this or temperature, not both.',
    placeholder: '1',
    range: '0–1',
    integer: false,
    step: 0.05,
    start: 1,
    slider: { min: 0, max: 1, step: 0.01 },
  },
  frequency_penalty: {
    field: 'frequency_penalty',
    label: 'Frequency penalty (frequency_penalty)',
    help: 'Positive values penalise tokens by how often they already appeared, reducing verbatim repetition.',
    placeholder: '0',
    range: '−2–2',
    integer: false,
    step: 0.1,
    start: 0,
    slider: { min: -2, max: 2, step: 0.01 },
  },
  presence_penalty: {
    field: 'presence_penalty',
    label: 'Presence penalty (presence_penalty)',
    help: 'Positive values penalise tokens that already appeared at all, nudging the model to new topics.',
    placeholder: '0',
    range: '−2–2',
    integer: false,
    step: 0.1,
    start: 0,
    slider: { min: -2, max: 2, step: 0.01 },
  },
  n: {
    field: 'n',
    label: 'N (n)',
    help: 'How many completions to generate for each prompt. Uses tokens quickly.',
    placeholder: '1',
    range: '1–128',
    integer: true,
    step: 1,
    start: 1,
  },
  best_of: {
    field: 'best_of',
    label: 'Best of (best_of)',
    help: 'Generates best_of candidates server-side and returns the n with the highest log probability per token. Must be ≥ n; cannot be streamed.',
    placeholder: '1',
    range: '≥ n, ≤ 128',
    integer: true,
    step: 1,
    start: 1,
  },
  logprobs: {
    field: 'logprobs',
    label: 'Logprobs (logprobs)',
    help: 'Return the log probabilities of the chosen tokens and of the most likely alternatives (this many). OpenAI allows up to 5.',
    placeholder: 'none',
    range: '0–5',
    integer: true,
    step: 1,
    start: 0,
  },
  seed: {
    field: 'seed',
    label: 'Seed (seed)',
    help: 'Best-effort determinism: the same seed and parameters should return the same result.',
    placeholder: 'random',
    range: 'whole number',
    integer: true,
    step: 1,
    start: 0,
  },
};

export const fieldHelp = {
  model: 'The model to complete with. Bifrost expects provider/model, e.g. openai/gpt-3.5-turbo-instruct.',
  prompt: 'The text to continue. Several prompts are sent as an array; choices come back prompt by prompt.',
  suffix: 'Text that comes after the completion (insert mode). Only some models support it.',
  stop: 'Up to 4 sequences where generation stops; the returned text does not contain them. Type \\n for a newline, \\t for a tab; Enter adds.',
  echo: 'Return the prompt in addition to the completion (with logprobs: the prompt’s log probabilities too).',
  user: 'An id for your end user, which helps the provider monitor and detect abuse.',
  logit_bias: 'Change the likelihood of tokens by id: −100 bans a token, 100 forces it, ±1 nudges it.',
  stream: 'Send tokens as they are generated (server-sent events).',
  include_usage: 'Ask for a final chunk with token usage for the whole request.',
  fallbacks: 'Bifrost: provider/model pairs tried in order when the primary fails. Enter adds.',
} as const;
