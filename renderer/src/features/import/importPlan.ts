import type { CompletionParams } from '@shared/contracts/params';
import type { Profile } from '@shared/contracts/profiles';
import { defaultKeyEnvVar } from '@shared/export/exportRequest';
import { importCurl } from '@shared/import/importCurl';
import type { BodyField, InvalidField } from '@shared/import/paramsFromBody';
import { assembleParams } from '../params/assembleParams';
import type { ParamsForm } from '../params/formState';
import { formFromParams } from '../params/formFromParams';
import { numberParamNames } from '../params/paramDocs';

/** Where the imported request can go. */
export type ProfileOption =
  | { kind: 'existing'; profileId: string; name: string; notes: string[] }
  | { kind: 'new'; profile: Profile; problems: string[] }
  | { kind: 'current'; profileId: string; name: string };

export type ImportPlan =
  | { ok: false; errors: string[] }
  | {
      ok: true;
      /** The form to put in place (a fresh form with every imported field). */
      form: ParamsForm;
      /** The matched profile first, then "create a new one", then the current one. */
      profileOptions: ProfileOption[];
      unknownFields: BodyField[];
      invalidFields: InvalidField[];
      /** Things changed or left out on the way, in words. */
      notes: string[];
      /** The command carried a key itself (not imported: keys go in the key field). Never the key. */
      hadLiteralKey: boolean;
    };

/**
 * A pasted curl command → what the import dialog shows and applies. It cannot be applied when the
 * command has no usable URL or no completion fields at all; everything else is listed, not dropped.
 */
export function planImport(
  text: string,
  profiles: readonly Profile[],
  currentProfileId: string | null,
): ImportPlan {
  if (text.trim() === '') return { ok: false, errors: ['Paste a curl command first.'] };
  const imported = importCurl(text, { existingProfiles: profiles.map(withDefaultKeyEnv) });
  const { params, profileMatch, profile: choice } = imported;
  if (!profileMatch || !choice || (params.model === undefined && params.prompt === undefined)) {
    const errors = imported.problems.length > 0 ? imported.problems : ['No completion request was found.'];
    return { ok: false, errors };
  }

  const form = withExactNumbers(
    formFromParams({ ...params, model: params.model ?? '', prompt: params.prompt ?? '' }),
    params,
  );
  const profileOptions: ProfileOption[] = [];
  if (choice.kind === 'existing') {
    const name = profiles.find((profile) => profile.id === choice.profileId)?.name ?? choice.profileId;
    profileOptions.push({ kind: 'existing', profileId: choice.profileId, name, notes: choice.notes });
  } else {
    profileOptions.push({ kind: 'new', profile: choice.profile, problems: choice.problems });
  }
  const current = profiles.find((profile) => profile.id === currentProfileId);
  if (current && !(choice.kind === 'existing' && choice.profileId === current.id)) {
    profileOptions.push({ kind: 'current', profileId: current.id, name: current.name });
  }

  return {
    ok: true,
    form,
    profileOptions,
    unknownFields: imported.unknownFields,
    invalidFields: imported.invalidFields,
    notes: [...imported.notes, ...imported.problems, ...formDifferences(params, form)],
    hadLiteralKey: profileMatch.literalKey !== undefined,
  };
}

/**
 * Number fields as the command wrote them: String(n) reads back as exactly n, whereas
 * formFromParams rounds to 12 significant digits (a 16-digit seed would change).
 */
function withExactNumbers(form: ParamsForm, params: Partial<CompletionParams>): ParamsForm {
  const numbers = { ...form.numbers };
  for (const name of numberParamNames) {
    const value = params[name];
    if (typeof value === 'number') numbers[name] = String(value);
  }
  return { ...form, numbers };
}

/**
 * A profile that names no key variable still reads its kind's default one (main's resolveKey):
 * say so, so that a command reading $BIFROST_API_KEY matches a Bifrost profile without a note.
 */
function withDefaultKeyEnv(profile: Profile): Profile {
  if (profile.keyEnv !== undefined || profile.kind === 'openai-compatible') return profile;
  return { ...profile, keyEnv: defaultKeyEnvVar(profile.kind) };
}

/** Imported fields the form cannot hold exactly (it sends them differently, or not at all). */
export function formDifferences(params: Partial<CompletionParams>, form: ParamsForm): string[] {
  const assembled = assembleParams(form).params;
  const names = new Set([...Object.keys(params), ...Object.keys(assembled)]);
  const differences: string[] = [];
  for (const name of names) {
    const given = JSON.stringify(Reflect.get(params, name));
    const sent = JSON.stringify(assembled[name]);
    if (given === sent || (given === undefined && (name === 'model' || name === 'prompt'))) continue;
    if (sent === undefined) differences.push(`${name}: ${given} is left out (the form does not send it).`);
    else if (given === undefined) differences.push(`The form adds ${name}: ${sent}.`);
    else differences.push(`${name}: the form sends ${sent} (the command had ${given}).`);
  }
  return differences;
}
