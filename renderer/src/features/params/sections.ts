import { assembleParams } from './assembleParams';
import type { ParamsForm } from './formState';

/** The parameter sections of the sidebar and the API fields each one holds. */
export const sectionFields = {
  Sampling: ['temperature', 'top_p', 'frequency_penalty', 'presence_penalty', 'seed'],
  'Length & stopping': ['max_tokens', 'stop'],
  'Logprobs & echo': ['logprobs', 'echo'],
  Advanced: ['n', 'best_of', 'logit_bias', 'user'],
  Bifrost: ['fallbacks'],
} as const satisfies Record<string, readonly string[]>;

export type SectionName = keyof typeof sectionFields;

/** "2 set" for a section's badge, or undefined when all its fields are unset. */
export function sectionBadge(form: ParamsForm, section: SectionName): string | undefined {
  const { params } = assembleParams(form);
  const fields: readonly string[] = sectionFields[section];
  const count = fields.filter((field) => field in params).length;
  return count > 0 ? `${count} set` : undefined;
}
