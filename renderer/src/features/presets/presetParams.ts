import { validateParams } from '@shared/completions/validateParams';
import {
  PRESETS_EXPORT_FORMAT,
  PRESETS_EXPORT_VERSION,
  presetParamsSchema,
  type Preset,
  type PresetParams,
} from '@shared/contracts/presets';
import { assembleParams } from '../params/assembleParams';
import { parameterFieldsFromParams } from '../params/formFromParams';
import type { ParamsForm } from '../params/formState';

export type PresetFromForm = { ok: true; params: PresetParams } | { ok: false; message: string };

/** Fields of the request that are not parameters: a preset never carries them. */
const NOT_PARAMETERS = new Set(['prompt', 'suffix', 'model']);
const isParameterIssue = (field: string): boolean => !NOT_PARAMETERS.has(field.split('.')[0] ?? '');

/**
 * The form's parameters as a preset: everything but the prompt(s) and the suffix, the model when
 * one is set. Refused (with the reason) while a parameter field has a problem.
 */
export function presetParamsFromForm(form: ParamsForm): PresetFromForm {
  const { params, issues } = assembleParams(form);
  const { prompt: _prompt, suffix: _suffix, model, ...rest } = params;
  const candidate: Record<string, unknown> =
    typeof model === 'string' && model !== '' ? { ...rest, model } : rest;
  const checked = validateParams({ model: 'any/model', ...candidate, prompt: '' });
  const problems = [...issues, ...(checked.ok ? [] : checked.issues)].filter((issue) =>
    isParameterIssue(issue.field),
  );
  if (problems.length > 0) {
    const count = problems.length;
    return {
      ok: false,
      message: `Fix ${count === 1 ? 'the problem' : `the ${count} problems`} in the parameters first (${problems[0]?.field}: ${problems[0]?.message}).`,
    };
  }
  const parsed = presetParamsSchema.safeParse(candidate);
  return parsed.success ? { ok: true, params: parsed.data } : { ok: false, message: parsed.error.message };
}

/** The form with a preset applied: every parameter as the preset has it, the prompts kept. */
export function formWithPreset(form: ParamsForm, params: PresetParams): ParamsForm {
  return {
    ...form,
    ...parameterFieldsFromParams(params),
    ...(params.model === undefined ? {} : { model: params.model }),
  };
}

/** The presets export file: the list in its envelope (import reads it back). */
export function presetsExportJson(presets: readonly Preset[]): string {
  const file = { format: PRESETS_EXPORT_FORMAT, version: PRESETS_EXPORT_VERSION, presets };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** "temperature 0.2 · max_tokens 64 · stop ×2 · streamed": what a preset sets, in one line. */
export function describePresetParams(params: PresetParams): string {
  const parts: string[] = [];
  if (params.model) parts.push(params.model);
  for (const [key, value] of Object.entries(params)) {
    if (key === 'model' || key === 'stream' || key === 'stream_options' || value === undefined) continue;
    if (typeof value === 'number' || typeof value === 'string') parts.push(`${key} ${value}`);
    else if (typeof value === 'boolean') parts.push(value ? key : `no ${key}`);
    else if (Array.isArray(value)) parts.push(`${key} ×${value.length}`);
    else parts.push(`${key} ×${Object.keys(value).length}`);
  }
  parts.push(params.stream === true ? 'streamed' : 'not streamed');
  return parts.join(' · ');
}
