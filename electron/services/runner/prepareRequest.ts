import { buildCompletionRequest, KEY_PLACEHOLDER, type BuiltRequest } from '@shared/completions/buildRequest';
import { MIN_SECRET_LENGTH } from '@shared/completions/redact';
import { validateParams, type FieldIssue } from '@shared/completions/validateParams';
import { credentialHeaderNames, type Profile } from '@shared/contracts/profiles';
import type { RequestPreview } from '@shared/contracts/runs';

export class InvalidParamsError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(
      `Invalid parameters: ${issues.map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message)).join('; ')}`,
    );
    this.name = 'InvalidParamsError';
  }
}

export interface PreparedRequest {
  /** What is sent: carries the real key. Never leaves the main process. */
  built: BuiltRequest;
  /** What is shown: the key replaced by KEY_PLACEHOLDER. */
  preview: RequestPreview;
  warnings: FieldIssue[];
}

/** Validates params (shared rules) and builds the request a run sends plus its key-free preview. */
export function prepareRequest(profile: Profile, params: unknown, key: string | undefined): PreparedRequest {
  const validation = validateParams(params);
  if (!validation.ok) throw new InvalidParamsError(validation.issues);
  const built = buildCompletionRequest(profile, validation.params, key);
  return { built, preview: previewOf(built, key), warnings: validation.warnings };
}

/**
 * The request as the user may see it: every occurrence of the key is replaced by the placeholder
 * (in credential headers always; elsewhere when the key is long enough to be told apart from text).
 */
export function previewOf(built: BuiltRequest, key: string | undefined): RequestPreview {
  const secret = key?.trim();
  const hide = (text: string, always: boolean): string =>
    secret && (always || secret.length >= MIN_SECRET_LENGTH)
      ? text.split(secret).join(KEY_PLACEHOLDER)
      : text;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(built.headers)) {
    headers[name] = hide(value, credentialHeaderNames.includes(name.toLowerCase()));
  }
  return {
    method: built.method,
    url: hide(built.url, false),
    headers,
    body: hide(built.body, false),
    notes: [...built.notes],
  };
}
