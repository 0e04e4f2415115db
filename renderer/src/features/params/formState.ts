import { z } from 'zod';
import type { LogitBiasMode, LogitBiasRow } from './logitBias';
import { numberParamNames, type NumberParamName } from './paramDocs';

/**
 * The parameter form as the user left it (persisted). Text fields hold what was typed; an empty
 * text means unset (not sent). Never holds a key.
 */
export interface ParamsForm {
  model: string;
  prompt: string;
  multiPrompt: boolean;
  prompts: string[];
  suffix: string;
  numbers: Record<NumberParamName, string>;
  stop: string[];
  echo: boolean;
  user: string;
  logitBiasMode: LogitBiasMode;
  logitBiasRows: LogitBiasRow[];
  logitBiasJson: string;
  stream: boolean;
  includeUsage: boolean;
  fallbacks: string[];
}

const emptyNumbers = Object.fromEntries(numberParamNames.map((name) => [name, ''])) as Record<
  NumberParamName,
  string
>;

export const initialParamsForm: ParamsForm = {
  model: '',
  prompt: '',
  multiPrompt: false,
  prompts: [''],
  suffix: '',
  numbers: emptyNumbers,
  stop: [],
  echo: false,
  user: '',
  logitBiasMode: 'rows',
  logitBiasRows: [],
  logitBiasJson: '{}',
  stream: true,
  includeUsage: true,
  fallbacks: [],
};

const text = (fallback: string) => z.string().max(1_000_000).catch(fallback);
const texts = (fallback: string[]) => z.array(z.string()).catch(fallback);
const flag = (fallback: boolean) => z.boolean().catch(fallback);

const numbersSchema = z
  .object(
    Object.fromEntries(numberParamNames.map((name) => [name, text('')])) as Record<
      NumberParamName,
      z.ZodCatch<z.ZodString>
    >,
  )
  .catch(emptyNumbers);

const rowSchema = z.object({ id: z.string().min(1), token: z.string(), bias: z.string() });

const storedFormSchema = z.object({
  model: text(initialParamsForm.model),
  prompt: text(initialParamsForm.prompt),
  multiPrompt: flag(false),
  prompts: z.array(z.string()).min(1).catch(['']),
  suffix: text(''),
  numbers: numbersSchema,
  stop: z.array(z.string().min(1)).max(4).catch([]),
  echo: flag(false),
  user: text(''),
  logitBiasMode: z.enum(['rows', 'json']).catch('rows'),
  logitBiasRows: z.array(rowSchema).catch([]),
  logitBiasJson: text('{}'),
  stream: flag(initialParamsForm.stream),
  includeUsage: flag(initialParamsForm.includeUsage),
  fallbacks: texts([]),
});

/** Whatever was in storage → a complete form; unknown or broken fields fall back to defaults. */
export function restoreParamsForm(stored: unknown): ParamsForm {
  const parsed = storedFormSchema.safeParse(typeof stored === 'object' && stored !== null ? stored : {});
  return parsed.success ? parsed.data : initialParamsForm;
}
