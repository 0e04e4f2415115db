import type { CompletionParams } from '@shared/contracts/params';
import type { FieldIssue, ParamsValidation } from '@shared/completions/validateParams';
import { assembleParams } from './assembleParams';
import type { ParamsForm } from './formState';

export interface FormValidation {
  /** Set when the form can be sent as is. */
  params: CompletionParams | null;
  issues: FieldIssue[];
  warnings: FieldIssue[];
}

/** The form's own issues plus `validate`'s (the shared validateParams) on the assembled params. */
export function validateForm(
  form: ParamsForm,
  validate: (input: unknown) => ParamsValidation,
): FormValidation {
  const assembled = assembleParams(form);
  const result = validate(assembled.params);
  if (result.ok && assembled.issues.length === 0) {
    return { params: result.params, issues: [], warnings: result.warnings };
  }
  const issues = [...assembled.issues, ...(result.ok ? [] : result.issues)];
  return { params: null, issues, warnings: result.warnings };
}

/**
 * Messages for one field: issues keyed by the field itself or by a part of it (`stop.2`,
 * `logit_bias.50256`, `stream_options.include_usage`). `stop.2` is labelled "Stop 3: …".
 */
export function messagesFor(issues: readonly FieldIssue[], field: string): string[] {
  const messages: string[] = [];
  for (const issue of issues) {
    if (issue.field === field) messages.push(issue.message);
    else if (issue.field.startsWith(`${field}.`)) {
      const part = issue.field.slice(field.length + 1);
      const position = /^\d+$/.test(part) ? Number(part) : null;
      messages.push(
        position !== null && (field === 'stop' || field === 'fallbacks' || field === 'prompt')
          ? `${labelFor(field)} ${position + 1}: ${issue.message}`
          : field === 'logit_bias'
            ? `Token ${part}: ${issue.message}`
            : issue.message,
      );
    }
  }
  return [...new Set(messages)];
}

function labelFor(field: string): string {
  if (field === 'stop') return 'Stop sequence';
  if (field === 'fallbacks') return 'Fallback';
  return 'Prompt';
}

/** Fields that have a control of their own; issues for any other field are shown with the Run button. */
export const fieldsWithControls = [
  'model',
  'prompt',
  'suffix',
  'max_tokens',
  'temperature',
  'top_p',
  'frequency_penalty',
  'presence_penalty',
  'n',
  'best_of',
  'stop',
  'logprobs',
  'echo',
  'seed',
  'user',
  'logit_bias',
  'stream',
  'stream_options',
  'fallbacks',
];

export function unplacedIssues(issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.filter((issue) => {
    const root = issue.field.split('.')[0] ?? '';
    return !fieldsWithControls.includes(root);
  });
}

/**
 * Issues worth showing now: an empty model is not called an error until the user has tried to
 * run (a fresh form should not open in red).
 */
export function visibleIssues(
  issues: readonly FieldIssue[],
  form: ParamsForm,
  runAttempted: boolean,
): FieldIssue[] {
  if (runAttempted || form.model.trim() !== '') return [...issues];
  return issues.filter((issue) => issue.field !== 'model');
}
