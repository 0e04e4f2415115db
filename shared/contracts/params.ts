import { z } from 'zod';

/** `provider/model`, as Bifrost names models and fallbacks. */
export const providerModelPattern = /^[^/\s]+\/\S+$/;

/**
 * Every field of the legacy `/v1/completions` request the form can set.
 * A field that is absent is "unset" and is never sent.
 * Ranges are OpenAI's documented ones; `logprobs` above 5 is allowed (some providers accept it)
 * and the form warns about it.
 */
export const completionParamsSchema = z.object({
  model: z.string().trim().min(1, 'Choose or type a model'),
  prompt: z.union([z.string(), z.array(z.string()).min(1, 'Add at least one prompt')]),
  suffix: z.string().optional(),
  max_tokens: z.number().int('Must be a whole number').min(0, 'Must be 0 or more').optional(),
  temperature: z.number().min(0, 'Must be between 0 and 2').max(2, 'Must be between 0 and 2').optional(),
  top_p: z.number().min(0, 'Must be between 0 and 1').max(1, 'Must be between 0 and 1').optional(),
  frequency_penalty: z
    .number()
    .min(-2, 'Must be between -2 and 2')
    .max(2, 'Must be between -2 and 2')
    .optional(),
  presence_penalty: z
    .number()
    .min(-2, 'Must be between -2 and 2')
    .max(2, 'Must be between -2 and 2')
    .optional(),
  n: z.number().int('Must be a whole number').min(1, 'Must be 1 or more').max(128, 'At most 128').optional(),
  best_of: z
    .number()
    .int('Must be a whole number')
    .min(1, 'Must be 1 or more')
    .max(128, 'At most 128')
    .optional(),
  stop: z
    .array(z.string().min(1, 'A stop sequence cannot be empty'))
    .max(4, 'At most 4 stop sequences')
    .optional(),
  logprobs: z
    .number()
    .int('Must be a whole number')
    .min(0, 'Must be 0 or more')
    .max(100, 'At most 100')
    .optional(),
  echo: z.boolean().optional(),
  seed: z.number().int('Must be a whole number').optional(),
  user: z.string().optional(),
  logit_bias: z
    .record(
      z.string(),
      z.number().min(-100, 'Bias must be between -100 and 100').max(100, 'Bias must be between -100 and 100'),
    )
    .superRefine((bias, ctx) => {
      // Checked here, not with a key schema, so the message names the problem (see profiles.ts).
      for (const tokenId of Object.keys(bias)) {
        if (!/^\d+$/.test(tokenId)) {
          ctx.addIssue({ code: 'custom', path: [tokenId], message: 'Token ids are whole numbers' });
        }
      }
    })
    .optional(),
  stream: z.boolean().optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).optional(),
  fallbacks: z.array(z.string().regex(providerModelPattern, 'Fallbacks are named provider/model')).optional(),
});

export type CompletionParams = z.output<typeof completionParamsSchema>;
export type CompletionParamName = keyof CompletionParams;
