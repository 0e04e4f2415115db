import type { CompletionParams } from '@shared/contracts/params';
import { encodingFor } from '../cost/tokenEncoding';

/**
 * `logit_bias` is keyed by token id, and ids differ between tokenizers: a warning for a column whose
 * model's tokenizer differs from the primary's (or cannot be told), when the request has a logit_bias.
 */
export function tokenizerWarning(
  params: Pick<CompletionParams, 'logit_bias'>,
  primaryModel: string,
  model: string,
): string | null {
  if (!params.logit_bias || Object.keys(params.logit_bias).length === 0 || model === primaryModel)
    return null;
  const primary = encodingFor(primaryModel);
  const mine = encodingFor(model);
  if (primary !== null && primary === mine) return null;
  const describe = (encoding: string | null, name: string) =>
    encoding ? `${name} uses ${encoding}` : `${name}'s tokenizer is unknown`;
  return `logit_bias is keyed by token ids, which may mean other tokens here: ${describe(mine, model)}, ${describe(primary, primaryModel)}.`;
}
