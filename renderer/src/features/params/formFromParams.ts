import type { CompletionParams } from '@shared/contracts/params';
import { initialParamsForm, type ParamsForm } from './formState';
import { newRowId } from './logitBias';
import { formatNumberText } from './numberText';
import { numberParamNames, type NumberParamName } from './paramDocs';

/** Every request field except the prompt(s) and the suffix: what a preset carries. */
export type ParamsWithoutPrompt = Partial<Omit<CompletionParams, 'prompt' | 'suffix'>>;

/**
 * The parameter fields of the form (everything but model, prompts and suffix) as `params` set them;
 * a field `params` leaves unset is unset in the result (not the previous value).
 */
export function parameterFieldsFromParams(
  params: ParamsWithoutPrompt,
): Omit<ParamsForm, 'model' | 'prompt' | 'multiPrompt' | 'prompts' | 'suffix'> {
  const numbers = Object.fromEntries(
    numberParamNames.map((name) => {
      const value = params[name];
      return [name, typeof value === 'number' ? formatNumberText(value) : ''];
    }),
  ) as Record<NumberParamName, string>;
  const bias = Object.entries(params.logit_bias ?? {});
  return {
    numbers,
    stop: [...(params.stop ?? [])],
    echo: params.echo === true,
    user: params.user ?? '',
    logitBiasMode: 'rows',
    logitBiasRows: bias.map(([token, value]) => ({ id: newRowId(), token, bias: formatNumberText(value) })),
    logitBiasJson:
      bias.length === 0
        ? '{}'
        : `{\n${bias.map(([token, value]) => `  ${JSON.stringify(token)}: ${value}`).join(',\n')}\n}`,
    stream: params.stream === true,
    includeUsage: params.stream === true ? params.stream_options?.include_usage === true : true,
    fallbacks: [...(params.fallbacks ?? [])],
  };
}

/** The whole form for a request's params (reopening a saved run): assembling it gives `params` back. */
export function formFromParams(params: CompletionParams): ParamsForm {
  const multiPrompt = Array.isArray(params.prompt);
  const prompts = Array.isArray(params.prompt) ? [...params.prompt] : [params.prompt];
  return {
    ...initialParamsForm,
    ...parameterFieldsFromParams(params),
    model: params.model,
    multiPrompt,
    prompt: multiPrompt ? (prompts[0] ?? '') : (prompts[0] ?? ''),
    prompts: prompts.length > 0 ? prompts : [''],
    suffix: params.suffix ?? '',
  };
}
