import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { CURL_SHELLS, type CurlShell } from '@shared/export/curl';
import { mainStorage } from '../../lib/mainStorage';

interface ExportPrefs {
  /** The shell "Copy as curl" writes for (POSIX until the user picks another). */
  curlShell: CurlShell;
}

/** A stored value → a known shell, else POSIX. */
export function restoreCurlShell(stored: unknown): CurlShell {
  const value = typeof stored === 'object' && stored !== null ? Reflect.get(stored, 'curlShell') : undefined;
  return CURL_SHELLS.find(({ shell }) => shell === value)?.shell ?? 'posix';
}

const useExportPrefsStore = create<ExportPrefs>()(
  persist((): ExportPrefs => ({ curlShell: 'posix' }), {
    name: 'completions-playground.export',
    version: 1,
    storage: createJSONStorage(() => mainStorage),
    merge: (stored, current) => ({ ...current, curlShell: restoreCurlShell(stored) }),
  }),
);

export const exportPrefsActions = {
  curlShellChosen: (curlShell: CurlShell) => useExportPrefsStore.setState({ curlShell }),
};

export const useCurlShell = (): CurlShell => useExportPrefsStore((state) => state.curlShell);
