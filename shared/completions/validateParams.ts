import { completionParamsSchema, type CompletionParams } from '../contracts/params';
import { isRecord, type JsonRecord } from './jsonShape';

export interface FieldIssue {
  /** API field name, e.g. `temperature`, or `stop.2`. */
  field: string;
  message: string;
}

export type ParamsValidation =
  | { ok: true; params: CompletionParams; warnings: FieldIssue[] }
  | { ok: false; issues: FieldIssue[]; warnings: FieldIssue[] };

/** Largest `logprobs` OpenAI accepts; other providers accept more. */
export const OPENAI_MAX_LOGPROBS = 5;

/**
 * Validates params with the shared schema plus cross-field rules (best_of >= n, stream_options only
 * with stream). Warnings do not block a run: logprobs > 5, best_of > 1 with stream (streaming is
 * turned off), a stop sequence that is only whitespace.
 * Cross-field rules and warnings are computed even when the schema fails, so a form can show every
 * problem at once.
 */
export function validateParams(input: unknown): ParamsValidation {
  const result = completionParamsSchema.safeParse(input);
  const raw: JsonRecord = isRecord(input) ? input : {};
  const issues: FieldIssue[] = result.success
    ? []
    : result.error.issues.map((issue) => ({
        field: issue.path.map(String).join('.'),
        message: issue.message,
      }));
  issues.push(...crossFieldIssues(raw));
  const warnings = paramWarnings(raw);
  if (result.success && issues.length === 0) return { ok: true, params: result.data, warnings };
  return { ok: false, issues, warnings };
}

function crossFieldIssues(raw: JsonRecord): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const n = numberField(raw, 'n');
  const bestOf = numberField(raw, 'best_of');
  if (bestOf !== undefined && bestOf < (n ?? 1)) {
    issues.push({ field: 'best_of', message: 'best_of must be at least n' });
  }
  return issues;
}

function paramWarnings(raw: JsonRecord): FieldIssue[] {
  const warnings: FieldIssue[] = [];
  const stream = raw.stream === true;
  const bestOf = numberField(raw, 'best_of');
  const logprobs = numberField(raw, 'logprobs');
  if (logprobs !== undefined && logprobs > OPENAI_MAX_LOGPROBS) {
    warnings.push({ field: 'logprobs', message: 'OpenAI accepts at most 5; some providers accept more' });
  }
  if (stream && bestOf !== undefined && bestOf > 1) {
    warnings.push({
      field: 'stream',
      message: 'Streaming will be turned off: best_of > 1 cannot be streamed',
    });
  } else if (!stream && isRecord(raw.stream_options) && raw.stream_options.include_usage !== undefined) {
    warnings.push({ field: 'stream_options', message: 'Only sent when streaming: it will be dropped' });
  }
  if (stream && raw.echo === true && logprobs !== undefined) {
    warnings.push({
      field: 'echo',
      message: 'Some servers (e.g. vLLM) fail when echo and logprobs are combined with streaming',
    });
  }
  if (numberField(raw, 'max_tokens') === 0 && raw.echo !== true) {
    warnings.push({
      field: 'max_tokens',
      message: 'max_tokens 0 generates nothing; it is meant for echo (scoring the prompt)',
    });
  }
  if (Array.isArray(raw.stop)) {
    raw.stop.forEach((sequence, index) => {
      if (typeof sequence === 'string' && isOnlySpaces(sequence)) {
        warnings.push({ field: `stop.${index}`, message: 'This stop sequence is only whitespace' });
      }
    });
  }
  return warnings;
}

/**
 * Spaces only (no line break or tab): almost certainly a typo, while "\n" or "\t" are
 * common, deliberate stop sequences.
 */
function isOnlySpaces(sequence: string): boolean {
  return sequence.length > 0 && /^\s+$/.test(sequence) && !/[\n\r\t]/.test(sequence);
}

function numberField(raw: JsonRecord, name: string): number | undefined {
  const value = raw[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
