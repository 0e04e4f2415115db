import type { HistoryRun } from '@shared/contracts/history';
import type { ProfileView } from '@shared/contracts/profiles';
import type { ExportSource } from '@shared/export/exportRequest';
import { api } from '../../lib/api';
import { formFromParams } from '../params/formFromParams';
import { paramsActions } from '../params/store';
import { profileChoiceActions } from '../profiles/store';
import { getCurrentRun, runsActions } from '../runs/store';
import { rerun } from '../runs/useRunCommands';

export type HistoryActionResult = { ok: true; message?: string } | { ok: false; message: string };

/** The saved run's profile is selected when it still exists; otherwise the form keeps the current one. */
function restoreForm(saved: HistoryRun, profiles: readonly ProfileView[]): string | undefined {
  paramsActions.formReplaced(formFromParams(saved.params));
  if (profiles.some((profile) => profile.id === saved.entry.profileId)) {
    profileChoiceActions.profileChosen(saved.entry.profileId);
    return undefined;
  }
  return `The profile “${saved.entry.profileName}” no longer exists; the current profile is kept.`;
}

/** Reopen: the form (params + profile) and the output pane show the saved run again. */
export async function reopenRun(id: string, profiles: readonly ProfileView[]): Promise<HistoryActionResult> {
  const saved = await api.invoke('history.get', { id });
  const note = restoreForm(saved, profiles);
  runsActions.runRestored(saved);
  return { ok: true, message: note };
}

/** Re-run: the form is restored, then a new run starts with the saved parameters. */
export async function rerunRun(id: string, profiles: readonly ProfileView[]): Promise<HistoryActionResult> {
  if (getCurrentRun()?.status === 'running') {
    return { ok: false, message: 'A run is in progress: stop it before re-running.' };
  }
  const saved = await api.invoke('history.get', { id });
  if (!profiles.some((profile) => profile.id === saved.entry.profileId)) {
    const note = restoreForm(saved, profiles) ?? '';
    return { ok: false, message: `${note} Choose a profile and press Run.` };
  }
  profileChoiceActions.profileChosen(saved.entry.profileId);
  if (!rerun(saved.entry.profileId, saved.params)) {
    return { ok: false, message: 'A run is in progress: stop it before re-running.' };
  }
  return { ok: true };
}

/** The request a saved run sent (key as a placeholder), for Copy as curl. */
export async function savedRequestSource(id: string): Promise<ExportSource> {
  const { request } = await api.invoke('history.get', { id });
  return { method: request.method, url: request.url, headers: request.headers, body: request.body };
}
