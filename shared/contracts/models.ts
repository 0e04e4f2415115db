import { z } from 'zod';

export const modelInfoSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  contextLength: z.number().optional(),
  maxOutputTokens: z.number().optional(),
  /** USD per token, parsed from the gateway's decimal strings. */
  pricing: z.object({ prompt: z.number().optional(), completion: z.number().optional() }).optional(),
  ownedBy: z.string().optional(),
});
export type ModelInfo = z.infer<typeof modelInfoSchema>;

export const modelListSchema = z.object({
  models: z.array(modelInfoSchema),
  /** Why the list is empty or partial, in words for the user. */
  error: z.string().optional(),
});
export type ModelList = z.infer<typeof modelListSchema>;
