import { z } from 'zod';
import { EngineInputError, type EngineRequest } from './types';

const int = (min: number, max?: number) => {
  const base = z.number().int().min(min);
  return max === undefined ? base : base.max(max);
};
const nullable = <T extends z.ZodType>(schema: T) => schema.nullish();

/**
 * OpenAI's `/v1/completions` body as the local engine accepts it. Unknown fields are ignored; fields
 * the engine cannot honour are refused when set to anything but their neutral value, so a request
 * never silently means something else.
 */
const completionBodySchema = z.object({
  model: nullable(z.string()),
  prompt: z.union([z.string(), z.array(z.string()).min(1)]),
  max_tokens: nullable(int(0)),
  temperature: nullable(z.number().min(0).max(2)),
  top_p: nullable(z.number().min(0).max(1)),
  n: nullable(int(1, 128)),
  stream: nullable(z.boolean()),
  stream_options: nullable(z.object({ include_usage: nullable(z.boolean()) })),
  logprobs: nullable(int(0, 100)),
  echo: nullable(z.boolean()),
  stop: nullable(z.union([z.string(), z.array(z.string()).max(4)])),
  seed: nullable(z.number().int()),
  logit_bias: nullable(
    z.record(z.string().regex(/^\d+$/, 'keys must be token ids'), z.number().min(-100).max(100)),
  ),
  best_of: nullable(z.literal(1, 'best_of > 1 is not supported by the local engine')),
  suffix: nullable(z.literal('', 'suffix is not supported by the local engine')),
  presence_penalty: nullable(z.number().min(-2).max(2)),
  frequency_penalty: nullable(z.number().min(-2).max(2)),
  user: nullable(z.string()),
});

export interface ParsedCompletionBody {
  request: EngineRequest;
  stream: boolean;
  /** The model the client named (echoed in nothing; the engine serves its one model). */
  model: string | undefined;
}

/** Parses a request body; throws EngineInputError naming the first wrong field. */
export function parseCompletionBody(text: string): ParsedCompletionBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new EngineInputError('The request body is not valid JSON', null);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new EngineInputError('The request body must be a JSON object', null);
  }
  const parsed = completionBodySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue?.path[0] === undefined ? null : String(issue.path[0]);
    const where = issue?.path.length ? issue.path.map(String).join('.') : 'body';
    const missing = param !== null && !(param in json);
    const message = missing
      ? `${param} is required`
      : `Invalid value for '${where}': ${issue?.message ?? 'invalid'}`;
    throw new EngineInputError(message, param);
  }
  const body = parsed.data;
  const request: EngineRequest = {
    prompt: body.prompt,
    maxTokens: body.max_tokens ?? undefined,
    temperature: body.temperature ?? undefined,
    topP: body.top_p ?? undefined,
    n: body.n ?? undefined,
    logprobs: body.logprobs ?? null,
    echo: body.echo ?? false,
    stop:
      body.stop === null || body.stop === undefined
        ? []
        : typeof body.stop === 'string'
          ? [body.stop]
          : body.stop,
    seed: body.seed ?? undefined,
    presencePenalty: body.presence_penalty ?? undefined,
    frequencyPenalty: body.frequency_penalty ?? undefined,
    logitBias: body.logit_bias
      ? Object.fromEntries(Object.entries(body.logit_bias).map(([id, bias]) => [Number(id), bias]))
      : undefined,
  };
  return { request, stream: body.stream ?? false, model: body.model ?? undefined };
}
