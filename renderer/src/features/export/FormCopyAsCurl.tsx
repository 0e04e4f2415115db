import { useCallback } from 'react';
import type { ExportSource } from '@shared/export/exportRequest';
import { api } from '../../lib/api';
import { getValidation, paramsActions } from '../params/store';
import { useSelectedProfile } from '../profiles/useSelectedProfile';
import { CurlExportControls } from './CopyAsCurl';
import { sourceFromPreview } from './exportText';

/**
 * Copy as curl for the form, before running: the request main would send for the selected profile
 * and the form's params (requests.preview: the body byte for byte, the key as a placeholder).
 */
export function FormCopyAsCurl() {
  const profileId = useSelectedProfile()?.id ?? null;
  const getSource = useCallback(async (): Promise<ExportSource> => {
    if (!profileId) throw new Error('choose a provider profile first');
    const validation = getValidation();
    if (!validation.params) {
      // As Run does: from now on every problem of the form shows.
      paramsActions.runAttempted();
      throw new Error('fix the form first');
    }
    return sourceFromPreview(await api.invoke('requests.preview', { profileId, params: validation.params }));
  }, [profileId]);
  return (
    <CurlExportControls
      getSource={getSource}
      profileId={profileId}
      label="Export the form’s request"
      answersShortcut
    />
  );
}
