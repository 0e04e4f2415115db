import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { configFileSchema, type Profile } from '@shared/contracts/profiles';

export type ConfigLoadResult =
  { ok: true; profiles: Profile[]; file?: string } | { ok: false; message: string };

/** `--config FILE` wins over `PLAYGROUND_CONFIG`; neither means no config file. */
export function chooseConfigFile(fromArgs: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const chosen = fromArgs ?? env['PLAYGROUND_CONFIG'];
  return chosen && chosen.trim() ? chosen : undefined;
}

/**
 * Finds `--config FILE` or `--config=FILE` in an argv that may contain anything else
 * (Electron and Chromium add their own switches).
 */
export function findConfigArg(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--config') return argv[index + 1];
    if (arg?.startsWith('--config=')) return arg.slice('--config='.length);
  }
  return undefined;
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  return issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}

/** Reads and validates a config file; failures name the file and the problem. */
export async function loadConfigFile(file: string | undefined): Promise<ConfigLoadResult> {
  if (!file) return { ok: true, profiles: [] };
  const path = resolve(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'the file does not exist' : `it cannot be read (${code ?? String(error)})`;
    return { ok: false, message: `Config file ${path}: ${reason}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Config file ${path} is not valid JSON: ${(error as Error).message}` };
  }
  const parsed = configFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(describeIssue).join('; ');
    return { ok: false, message: `Config file ${path} is invalid: ${problems}` };
  }
  const ids = parsed.data.profiles.map((profile) => profile.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate !== undefined) {
    return { ok: false, message: `Config file ${path} is invalid: profile id "${duplicate}" appears twice` };
  }
  return { ok: true, profiles: parsed.data.profiles, file: path };
}
