import { completionParamsSchema, type CompletionParams } from '@shared/contracts/params';

/** One column of the compare view: a model on a provider profile, with its own parameter overrides. */
export interface CompareTarget {
  id: string;
  profileId: string;
  model: string;
  /** Parameters that differ from the form for this column (JSON object text as typed; '' for none). */
  overridesText: string;
}

/** The form's model first, then each of its `fallbacks`, all on the form's profile. */
export function initialTargets(
  params: Pick<CompletionParams, 'model' | 'fallbacks'>,
  profileId: string,
): CompareTarget[] {
  const models = [params.model, ...(params.fallbacks ?? [])].map((model) => model.trim()).filter(Boolean);
  return [...new Set(models)].map((model, index) => ({
    id: `t${index}`,
    profileId,
    model,
    overridesText: '',
  }));
}

export type Overrides = { ok: true; value: Partial<CompletionParams> } | { ok: false; message: string };

const overridesSchema = completionParamsSchema
  .omit({ model: true, prompt: true, fallbacks: true })
  .partial()
  .strict();

/** Reads a column's overrides: a JSON object of request fields (not model, prompt or fallbacks). */
export function parseOverrides(text: string): Overrides {
  if (text.trim() === '') return { ok: true, value: {} };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'Overrides must be a JSON object, e.g. {"temperature": 0}' };
  }
  const parsed = overridesSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return { ok: false, message: `${where}${issue?.message ?? 'invalid overrides'}` };
}

/**
 * What a direct column sends: the form's params with the column's model and overrides, and no
 * `fallbacks` (a direct column asks that one model only; the gateway's own fallback has its column).
 */
export function directParams(base: CompletionParams, target: CompareTarget): CompletionParams | string {
  const overrides = parseOverrides(target.overridesText);
  if (!overrides.ok) return overrides.message;
  const { fallbacks: _dropped, ...rest } = base;
  const parsed = completionParamsSchema.safeParse({ ...rest, ...overrides.value, model: target.model });
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'invalid parameters';
  return parsed.data;
}

/** The gateway fallback run: the form's request as it is, `fallbacks` included. */
export function gatewayRunParams(base: CompletionParams): CompletionParams | null {
  return base.fallbacks && base.fallbacks.length > 0 ? base : null;
}

/** A new target id not used by `targets`. */
export function nextTargetId(targets: readonly CompareTarget[]): string {
  const used = new Set(targets.map((target) => target.id));
  for (let index = targets.length; ; index++) if (!used.has(`t${index}`)) return `t${index}`;
}
