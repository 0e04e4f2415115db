import type { FieldIssue } from '@shared/completions/validateParams';
import type { ParamsForm } from './formState';
import { parseLogitBiasJson, rowsToLogitBias } from './logitBias';
import { parseNumberText } from './numberText';
import { numberParamNames } from './paramDocs';

export interface AssembledParams {
  /** The request params as far as the form can tell; `validateParams` checks them. */
  params: Record<string, unknown>;
  /** What the form itself cannot turn into a value (text in a number field, broken JSON). */
  issues: FieldIssue[];
}

/** Form state → completion params: unset fields are left out, never sent as defaults. */
export function assembleParams(form: ParamsForm): AssembledParams {
  const params: Record<string, unknown> = {
    model: form.model.trim(),
    prompt: form.multiPrompt ? [...form.prompts] : form.prompt,
  };
  const issues: FieldIssue[] = [];

  if (form.suffix !== '') params.suffix = form.suffix;
  for (const name of numberParamNames) {
    const parsed = parseNumberText(form.numbers[name]);
    if (parsed.kind === 'number') params[name] = parsed.value;
    if (parsed.kind === 'invalid') issues.push({ field: name, message: 'Enter a number' });
  }
  if (form.stop.length > 0) params.stop = [...form.stop];
  if (form.echo) params.echo = true;
  if (form.user.trim() !== '') params.user = form.user;

  if (form.logitBiasMode === 'json') {
    const parsed = parseLogitBiasJson(form.logitBiasJson);
    if (!parsed.ok) issues.push({ field: 'logit_bias', message: parsed.message });
    else if (Object.keys(parsed.value).length > 0) params.logit_bias = parsed.value;
  } else {
    const { value, issues: rowIssues } = rowsToLogitBias(form.logitBiasRows);
    issues.push(...rowIssues);
    if (value) params.logit_bias = value;
  }

  if (form.stream) {
    params.stream = true;
    if (form.includeUsage) params.stream_options = { include_usage: true };
  }
  if (form.fallbacks.length > 0) params.fallbacks = [...form.fallbacks];
  return { params, issues };
}
