import type { Profile } from '../contracts/profiles';
import { importRequest, type ImportedRequest } from './importRequest';
import { matchProfile, type ProfileChoice } from './matchProfile';
import { parseCurl, type ParsedCurl } from './parseCurl';
import { tokenizeShell, type ShellFlavour } from './tokenizeShell';

export interface ImportCurlOptions {
  /** The shell the command is written for; guessed when absent. */
  shell?: ShellFlavour;
  /** Content of files the command reads (e.g. the cmd export's body.json), by name. */
  files?: Record<string, string>;
  /** When given, the result says which profile the request goes to (or suggests a new one). */
  existingProfiles?: Profile[];
}

export interface ImportedCurl extends ImportedRequest {
  shell: ShellFlavour;
  parsed: ParsedCurl;
  profile?: ProfileChoice;
}

/**
 * A pasted curl command → what the form needs: params, the profile it targets, and everything
 * that could not be imported (`problems`: shell, curl options, headers, key, body fields).
 */
export function importCurl(text: string, options: ImportCurlOptions = {}): ImportedCurl {
  const tokenized = tokenizeShell(text, options.shell);
  const parsed = parseCurl(tokenized.argv, { files: { ...tokenized.files, ...options.files } });
  const imported = importRequest(parsed);
  const problems = [
    ...tokenized.problems,
    ...parsed.warnings,
    ...parsed.unsupportedOptions.map((option) => `Not supported, left out: ${option}`),
    ...imported.problems,
  ];
  const result: ImportedCurl = { ...imported, problems, shell: tokenized.shell, parsed };
  if (options.existingProfiles && imported.profileMatch) {
    result.profile = matchProfile(imported.profileMatch, options.existingProfiles);
  }
  return result;
}
