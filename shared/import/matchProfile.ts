import { profileSchema, type Profile } from '../contracts/profiles';
import type { ProfileMatch } from './importRequest';

export type ProfileChoice =
  /** An existing profile sends to the same URL. `notes` says what differs (kind, key variable). */
  | { kind: 'existing'; profileId: string; notes: string[] }
  /** No profile sends there: a new one to suggest (validated; `problems` lists what did not fit). */
  | { kind: 'new'; profile: Profile; problems: string[] };

/**
 * The existing profile whose base URL + endpoint is the imported URL (one of the guessed kind
 * first), or a new profile named after the host.
 */
export function matchProfile(match: ProfileMatch, existingProfiles: Profile[]): ProfileChoice {
  const target = normalizeUrl(match.baseUrl + match.endpoint);
  const sameUrl = existingProfiles.filter(
    (profile) => normalizeUrl(profile.baseUrl.trim().replace(/\/+$/, '') + profile.endpoint) === target,
  );
  const found = sameUrl.find((profile) => profile.kind === match.kind) ?? sameUrl[0];
  if (found) {
    const notes: string[] = [];
    if (found.kind !== match.kind) {
      notes.push(`The command looks like ${match.kind}; the profile ${found.name} is ${found.kind}.`);
    }
    if (match.keyEnv !== undefined && found.keyEnv !== match.keyEnv) {
      notes.push(
        `The command reads the key from ${match.keyEnv}; the profile reads ${found.keyEnv ?? 'no variable'}.`,
      );
    }
    return { kind: 'existing', profileId: found.id, notes };
  }
  return newProfile(match, existingProfiles);
}

function newProfile(match: ProfileMatch, existingProfiles: Profile[]): ProfileChoice {
  const url = new URL(match.baseUrl);
  const base = url.host.replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 56) || 'imported';
  const ids = new Set(existingProfiles.map((profile) => profile.id));
  let id = base;
  for (let suffix = 2; ids.has(id); suffix += 1) id = `${base}-${suffix}`;
  const candidate = {
    id,
    name: url.host,
    kind: match.kind,
    baseUrl: match.baseUrl,
    endpoint: match.endpoint,
    headers: match.headers,
    ...(match.keyEnv !== undefined ? { keyEnv: match.keyEnv } : {}),
  };
  const checked = profileSchema.safeParse(candidate);
  if (checked.success) return { kind: 'new', profile: checked.data, problems: [] };
  const problems = checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  return { kind: 'new', profile: candidate, problems };
}

function normalizeUrl(value: string): string {
  try {
    const url = new URL(value);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}${url.search}`;
  } catch {
    return value;
  }
}
