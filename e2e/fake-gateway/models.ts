export interface FakeModel {
  id: string;
  name: string;
  context_length: number;
  max_output_tokens: number;
  /** USD per token as decimal strings, like Bifrost's `%.10f`. */
  pricing: { prompt: string; completion: string };
  owned_by: string;
}

export const FAKE_MODELS: readonly FakeModel[] = [
  {
    id: 'openai/gpt-3.5-turbo-instruct',
    name: 'GPT-3.5 Turbo Instruct',
    context_length: 4096,
    max_output_tokens: 4096,
    pricing: { prompt: '0.0000015000', completion: '0.0000020000' },
    owned_by: 'openai',
  },
  {
    id: 'openai/davinci-002',
    name: 'Davinci 002',
    context_length: 16384,
    max_output_tokens: 4096,
    pricing: { prompt: '0.0000020000', completion: '0.0000020000' },
    owned_by: 'openai',
  },
  {
    id: 'openai/babbage-002',
    name: 'Babbage 002',
    context_length: 16384,
    max_output_tokens: 4096,
    pricing: { prompt: '0.0000004000', completion: '0.0000004000' },
    owned_by: 'openai',
  },
  {
    id: 'azure/gpt-35-turbo-instruct',
    name: 'GPT-3.5 Turbo Instruct (Azure)',
    context_length: 4096,
    max_output_tokens: 4096,
    pricing: { prompt: '0.0000015000', completion: '0.0000020000' },
    owned_by: 'azure',
  },
  {
    id: 'fireworks/accounts/fireworks/models/llama-v3p1-8b-instruct',
    name: 'Llama 3.1 8B Instruct',
    context_length: 131072,
    max_output_tokens: 16384,
    pricing: { prompt: '0.0000002000', completion: '0.0000002000' },
    owned_by: 'fireworks',
  },
  {
    id: 'ollama/llama3.2:1b',
    name: 'Llama 3.2 1B (local)',
    context_length: 131072,
    max_output_tokens: 8192,
    pricing: { prompt: '0.0000000000', completion: '0.0000000000' },
    owned_by: 'ollama',
  },
];

/** Models the fake does not list (any `provider/model` works) get this context window. */
export const DEFAULT_CONTEXT_LENGTH = 16384;

export function contextLengthOf(modelId: string): number {
  return FAKE_MODELS.find((m) => m.id === modelId)?.context_length ?? DEFAULT_CONTEXT_LENGTH;
}

/** `GET /v1/models[?provider=p]`: Bifrost's list shape. */
export function bifrostModelList(provider: string | null): Record<string, unknown> {
  const data = FAKE_MODELS.filter((m) => !provider || m.id.startsWith(`${provider}/`));
  return { data, next_page_token: '', extra_fields: { request_type: 'list_models', latency: 0 } };
}

/** `GET /openai/v1/models`: the OpenAI list shape (ids stay `provider/model`, as Bifrost routes them). */
export function openAiModelList(): Record<string, unknown> {
  return {
    object: 'list',
    data: FAKE_MODELS.map((m) => ({
      id: m.id,
      object: 'model',
      created: 1_700_000_000,
      owned_by: m.owned_by,
    })),
  };
}
