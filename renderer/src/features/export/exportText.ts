import { exportAs, type ExportResult, type ExportTarget } from '@shared/export/exportAs';
import type { CurlShell } from '@shared/export/curl';
import { defaultKeyEnvVar, type ExportOptions, type ExportSource } from '@shared/export/exportRequest';
import type { RequestPreview } from '@shared/contracts/runs';
import type { ProviderKind } from '@shared/contracts/profiles';

/** What an export needs to know about the profile a request goes to. */
export interface ExportProfile {
  kind: ProviderKind;
  keyEnv?: string | undefined;
}

/** The export target of each curl shell. */
export const curlTargetOf: Readonly<Record<CurlShell, ExportTarget>> = {
  posix: 'curl-posix',
  cmd: 'curl-cmd',
  powershell: 'curl-powershell',
};

/**
 * The profile an export reads its key variable from. Without a profile (deleted since, or unknown),
 * the kind is guessed from the request: Bifrost's key header means Bifrost.
 */
export function exportProfileFor(
  profile: ExportProfile | null | undefined,
  source: ExportSource,
): ExportProfile {
  if (profile) return profile;
  const bifrost = Object.keys(source.headers).some((name) => name.toLowerCase() === 'x-bf-vk');
  return { kind: bifrost ? 'bifrost' : 'openai-compatible' };
}

/** Options for exportAs: the key from the profile's variable, or the real key when one is given. */
export function exportOptionsFor(profile: ExportProfile, realKey?: string): ExportOptions {
  const options: ExportOptions = {
    profileKind: profile.kind,
    keyEnvVar: profile.keyEnv ?? defaultKeyEnvVar(profile.kind),
  };
  return realKey ? { ...options, includeRealKey: { key: realKey } } : options;
}

/** The export of `source` for `target`; a failure becomes a message rather than an exception. */
export function renderExport(
  target: ExportTarget,
  source: ExportSource,
  profile: ExportProfile,
  realKey?: string,
): { ok: true; result: ExportResult } | { ok: false; message: string } {
  try {
    return { ok: true, result: exportAs(target, source, exportOptionsFor(profile, realKey)) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : 'The export failed' };
  }
}

/** A request preview (what requests.preview and runs.start return) as an export source. */
export function sourceFromPreview(preview: RequestPreview): ExportSource {
  return { method: preview.method, url: preview.url, headers: preview.headers, body: preview.body };
}
