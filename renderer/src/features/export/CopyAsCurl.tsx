import { useCallback, useEffect, useId } from 'react';
import { Button } from 'react-aria-components';
import { CURL_SHELLS } from '@shared/export/curl';
import type { ExportSource } from '@shared/export/exportRequest';
import { ExportDialog } from './ExportDialog';
import { exportPrefsActions, useCurlShell } from './exportPrefs';
import { curlTargetOf, exportProfileFor, renderExport } from './exportText';
import { useExportProfile } from './useExportProfile';
import { COPY_AS_CURL_EVENT } from './exportEvents';
import { useCopyStatus } from './useCopyStatus';
import './export.css';

export interface CopyAsCurlProps {
  /** The request to export, exactly as the app sends (or sent) it; the key as a placeholder. */
  getSource: () => Promise<ExportSource>;
  /** The profile the request goes to: its kind and key variable shape the export. */
  profileId: string | null;
  /** Names the group for assistive technology, e.g. "Export run of 12:03". */
  label?: string;
}

/**
 * **Copy as curl** for the chosen shell (POSIX by default, remembered), the shell picker beside it,
 * and "More exports…" (every format, the real-key opt-in). Reused by the form and by history rows.
 */
export function CopyAsCurl(props: CopyAsCurlProps) {
  return <CurlExportControls {...props} />;
}

/** The form's copy also answers the Ctrl/Cmd+Shift+C shortcut (see features/shortcuts). */
export function CurlExportControls({
  getSource,
  profileId,
  label,
  answersShortcut = false,
}: CopyAsCurlProps & { answersShortcut?: boolean }) {
  const shellId = useId();
  const shell = useCurlShell();
  const profile = useExportProfile(profileId);
  const { status, copy } = useCopyStatus();

  const copyCurl = useCallback(
    () =>
      copy(async () => {
        const source = await getSource();
        const rendered = renderExport(curlTargetOf[shell], source, exportProfileFor(profile, source));
        if (!rendered.ok) throw new Error(rendered.message);
        const { text, bodyFile } = rendered.result;
        return bodyFile ? { text, done: `Copied; it needs ${bodyFile.name} (see More exports…)` } : { text };
      }),
    [copy, getSource, profile, shell],
  );

  useEffect(() => {
    if (!answersShortcut) return;
    const onShortcut = () => void copyCurl();
    window.addEventListener(COPY_AS_CURL_EVENT, onShortcut);
    return () => window.removeEventListener(COPY_AS_CURL_EVENT, onShortcut);
  }, [answersShortcut, copyCurl]);

  return (
    <div className="copy-as-curl" role="group" aria-label={label ?? 'Export the request'}>
      <Button className="button" onPress={() => void copyCurl()}>
        Copy as curl
      </Button>
      <label className="visually-hidden" htmlFor={shellId}>
        Shell for Copy as curl
      </label>
      <select
        id={shellId}
        className="input select copy-as-curl-shell"
        value={shell}
        onChange={(event) => {
          const chosen = CURL_SHELLS.find((option) => option.shell === event.target.value);
          if (chosen) exportPrefsActions.curlShellChosen(chosen.shell);
        }}
      >
        {CURL_SHELLS.map((option) => (
          <option key={option.shell} value={option.shell}>
            {option.label}
          </option>
        ))}
      </select>
      <ExportDialog getSource={getSource} profileId={profileId} initialTarget={curlTargetOf[shell]} />
      <span
        className={`copy-status copy-toast${status?.tone === 'error' ? ' is-error' : ''}`}
        role="status"
        data-testid="copy-as-curl-status"
      >
        {status?.text}
      </span>
    </div>
  );
}
