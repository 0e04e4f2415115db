import { profileSchema, type Profile, type ProviderKind } from '@shared/contracts/profiles';

export interface HeaderRow {
  id: string;
  name: string;
  value: string;
}

/** The profile form as typed. `id` is null for a profile that was never saved. */
export interface ProfileDraft {
  id: string | null;
  name: string;
  kind: ProviderKind;
  baseUrl: string;
  endpoint: string;
  headers: HeaderRow[];
  keyEnv: string;
  firstByteTimeoutMs: string;
  stallTimeoutMs: string;
  isDefault: boolean;
  /** `local` profiles: the GGUF file. */
  modelPath: string;
}

export const kindLabels: Record<ProviderKind, string> = {
  bifrost: 'Bifrost',
  openai: 'OpenAI',
  'openai-compatible': 'OpenAI-compatible',
  local: 'Local model (llama.cpp)',
};

/** Endpoints offered for each kind; any path starting with / may be typed. */
export const endpointSuggestions: Record<ProviderKind, string[]> = {
  bifrost: ['/v1/completions', '/openai/v1/completions'],
  openai: ['/completions'],
  'openai-compatible': ['/v1/completions', '/completions'],
  local: ['/v1/completions'],
};

/** Where each kind usually lives: OpenAI's base URL already ends in /v1. */
export const kindDefaults: Record<ProviderKind, { baseUrl: string; endpoint: string }> = {
  bifrost: { baseUrl: 'http://localhost:8080', endpoint: '/v1/completions' },
  openai: { baseUrl: 'https://api.openai.com/v1', endpoint: '/completions' },
  'openai-compatible': { baseUrl: 'http://localhost:8000', endpoint: '/v1/completions' },
  // The engine's address is known once it runs; this placeholder is replaced at request time.
  local: { baseUrl: 'http://127.0.0.1', endpoint: '/v1/completions' },
};

/**
 * Changing the kind also moves the base URL and endpoint to the new kind's defaults, but only while
 * they still hold the old kind's defaults: what the user typed is never overwritten.
 */
export function withKind(draft: ProfileDraft, kind: ProviderKind): ProfileDraft {
  const before = kindDefaults[draft.kind];
  const after = kindDefaults[kind];
  return {
    ...draft,
    kind,
    baseUrl: draft.baseUrl === before.baseUrl ? after.baseUrl : draft.baseUrl,
    endpoint: draft.endpoint === before.endpoint ? after.endpoint : draft.endpoint,
  };
}

let rowCounter = 0;
export function newHeaderRow(name = '', value = ''): HeaderRow {
  rowCounter += 1;
  return { id: `header-${rowCounter}`, name, value };
}

export function emptyDraft(): ProfileDraft {
  return {
    id: null,
    name: '',
    kind: 'bifrost',
    baseUrl: 'http://localhost:8080',
    endpoint: '/v1/completions',
    headers: [],
    keyEnv: '',
    firstByteTimeoutMs: '',
    stallTimeoutMs: '',
    isDefault: false,
    modelPath: '',
  };
}

export function draftFromProfile(profile: Profile): ProfileDraft {
  return {
    id: profile.id,
    name: profile.name,
    kind: profile.kind,
    baseUrl: profile.baseUrl,
    endpoint: profile.endpoint,
    headers: Object.entries(profile.headers).map(([name, value]) => newHeaderRow(name, value)),
    keyEnv: profile.keyEnv ?? '',
    firstByteTimeoutMs: profile.firstByteTimeoutMs === undefined ? '' : String(profile.firstByteTimeoutMs),
    stallTimeoutMs: profile.stallTimeoutMs === undefined ? '' : String(profile.stallTimeoutMs),
    isDefault: profile.default === true,
    modelPath: profile.modelPath ?? '',
  };
}

/** A readable, unique id from the name: "My Gateway" → "my-gateway" (then "my-gateway-2", …). */
export function profileIdFromName(name: string, takenIds: readonly string[]): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9_.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'profile';
  if (!takenIds.includes(base)) return base;
  for (let suffix = 2; suffix < 10_000; suffix += 1) {
    const candidate = `${base}-${suffix}`;
    if (!takenIds.includes(candidate)) return candidate;
  }
  return `${base}-${Date.now()}`;
}

/** Field → messages; header rows are keyed `header:<rowId>`. */
export type DraftIssues = Record<string, string[]>;

function addIssue(issues: DraftIssues, key: string, message: string): void {
  (issues[key] ??= []).push(message);
}

function parseTimeout(text: string, key: string, issues: DraftIssues): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!/^\d+$/.test(trimmed)) {
    addIssue(issues, key, 'Enter a whole number of milliseconds');
    return undefined;
  }
  return Number(trimmed);
}

/** Draft → a profile for `profiles.save`, or the messages to show next to each field. */
export function profileFromDraft(
  draft: ProfileDraft,
  takenIds: readonly string[],
): { ok: true; profile: Profile } | { ok: false; issues: DraftIssues } {
  const issues: DraftIssues = {};
  const headers: Record<string, string> = {};
  const rowByName = new Map<string, string>();
  for (const row of draft.headers) {
    const name = row.name.trim();
    if (name === '' && row.value === '') continue;
    if (name === '') addIssue(issues, `header:${row.id}`, 'Enter a header name');
    else if (rowByName.has(name.toLowerCase()))
      addIssue(issues, `header:${row.id}`, 'This header is already listed');
    else {
      rowByName.set(name.toLowerCase(), row.id);
      headers[name] = row.value;
    }
  }
  const candidate = {
    id: draft.id ?? profileIdFromName(draft.name, takenIds),
    name: draft.name,
    kind: draft.kind,
    baseUrl: draft.baseUrl,
    endpoint: draft.endpoint.trim(),
    headers,
    keyEnv: draft.keyEnv.trim() === '' ? undefined : draft.keyEnv.trim(),
    default: draft.isDefault ? true : undefined,
    firstByteTimeoutMs: parseTimeout(draft.firstByteTimeoutMs, 'firstByteTimeoutMs', issues),
    stallTimeoutMs: parseTimeout(draft.stallTimeoutMs, 'stallTimeoutMs', issues),
    modelPath: draft.kind === 'local' ? draft.modelPath.trim() : undefined,
  };
  const parsed = profileSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, headerName] = issue.path;
      if (field === 'headers' && typeof headerName === 'string') {
        // A bad record key reports its own messages under `issues`.
        const messages =
          issue.code === 'invalid_key' ? issue.issues.map((inner) => inner.message) : [issue.message];
        const key = `header:${rowByName.get(headerName.toLowerCase()) ?? ''}`;
        for (const message of messages) addIssue(issues, key, message);
      } else if (field === 'firstByteTimeoutMs' || field === 'stallTimeoutMs') {
        addIssue(issues, field, 'Between 100 and 600000 ms');
      } else {
        addIssue(issues, typeof field === 'string' ? field : 'form', issue.message);
      }
    }
  }
  if (Object.keys(issues).length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, profile: parsed.data };
}
