import type { z } from 'zod';
import { completionParamsSchema, type CompletionParams } from '../contracts/params';
import { isRecord } from '../completions/jsonShape';

export interface BodyField {
  name: string;
  value: unknown;
}

export interface InvalidField extends BodyField {
  /** Why the form cannot take the value, in the form's own words. */
  message: string;
}

export interface ParamsFromBody {
  /** Every body field the form holds and accepts, values as given (numbers stay numbers). */
  params: Partial<CompletionParams>;
  /** Body fields that are not completion params (e.g. `top_k`, `min_p`): listed, not dropped silently. */
  unknownFields: BodyField[];
  /** Completion params whose value the form rejects, with the reason. */
  invalidFields: InvalidField[];
  /** Changes made on the way (a string `stop` became a list). */
  notes: string[];
  problems: string[];
}

export const STOP_STRING_NOTE = 'stop was a single string; it is now a list with that one stop sequence.';

const fieldSchemas: Record<string, z.ZodType> = completionParamsSchema.shape;

/** Reads a JSON request body into the form's params, checking each field with completionParamsSchema. */
export function paramsFromBody(body: string): ParamsFromBody {
  const result: ParamsFromBody = {
    params: {},
    unknownFields: [],
    invalidFields: [],
    notes: [],
    problems: [],
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    result.problems.push(`The body is not JSON (${error instanceof Error ? error.message : 'parse error'}).`);
    return result;
  }
  if (!isRecord(parsed)) {
    result.problems.push('The body is JSON but not an object of fields.');
    return result;
  }
  const params: Record<string, unknown> = {};
  for (const [name, given] of Object.entries(parsed)) {
    const schema = Object.hasOwn(fieldSchemas, name) ? fieldSchemas[name] : undefined;
    if (!schema) {
      result.unknownFields.push({ name, value: given });
      continue;
    }
    let value = given;
    if (name === 'stop' && typeof given === 'string') {
      value = [given];
      result.notes.push(STOP_STRING_NOTE);
    }
    const checked = schema.safeParse(value);
    if (checked.success) params[name] = value;
    else result.invalidFields.push({ name, value: given, message: describeIssues(name, checked.error) });
  }
  for (const required of ['model', 'prompt']) {
    const invalid = result.invalidFields.some((field) => field.name === required);
    if (!(required in params) && !invalid) result.problems.push(`The body has no ${required}.`);
  }
  result.params = params as Partial<CompletionParams>;
  return result;
}

function describeIssues(name: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`));
      return path.length > 0 ? `${name}${path.join('')}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
