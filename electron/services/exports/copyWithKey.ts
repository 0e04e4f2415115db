import type { Profile } from '@shared/contracts/profiles';
import { exportAs, type ExportTarget } from '@shared/export/exportAs';
import { defaultKeyEnvVar, type ExportSource } from '@shared/export/exportRequest';

/** Where main can put text for the user to paste: Electron's clipboard. Browser mode has none. */
export interface Clipboard {
  writeText(text: string): void;
}

export const NO_CLIPBOARD_MESSAGE =
  'Browser mode cannot copy your real key: keys never leave the host process, and the page cannot reach your clipboard from there. Copy with the variable and set it in your shell, or use the desktop app.';

export interface CopyWithKeyResult {
  copied: boolean;
  message: string;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * The export of `source` with the profile's real key, written to the clipboard by main: the key never
 * goes to the renderer. Only for requests to the profile's own server (a page cannot have the key
 * copied into a command that sends it elsewhere).
 */
export function copyWithKey(
  profile: Profile,
  key: string | undefined,
  source: ExportSource,
  target: ExportTarget,
  clipboard: Clipboard | undefined,
): CopyWithKeyResult {
  if (!clipboard) return { copied: false, message: NO_CLIPBOARD_MESSAGE };
  if (originOf(source.url) === null || originOf(source.url) !== originOf(profile.baseUrl))
    throw new Error(`The request does not go to ${profile.name}'s server, so its key is not added`);
  if (!key) return { copied: false, message: `${profile.name} has no key configured.` };
  const result = exportAs(target, source, {
    profileKind: profile.kind,
    keyEnvVar: profile.keyEnv ?? defaultKeyEnvVar(profile.kind),
    includeRealKey: { key },
  });
  clipboard.writeText(result.text);
  return { copied: true, message: 'Copied, with your real API key' };
}
