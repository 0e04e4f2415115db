import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { appInfoQuery } from '../features/app/queries';
import { CostBar } from '../features/cost/CostBar';
import { HistoryPanel } from '../features/history/HistoryPanel';
import { ImportCurlButton } from '../features/import/ImportCurlDialog';
import { KeyboardShortcuts } from '../features/shortcuts/KeyboardShortcuts';
import { ModelField } from '../features/models/ModelField';
import { LocalOffer } from '../features/profiles/LocalOffer';
import { ParamsPanel } from '../features/params/components/ParamsPanel';
import { PresetsBar } from '../features/presets/PresetsBar';
import { ProfilePicker } from '../features/profiles/ProfilePicker';
import { profilesQuery } from '../features/profiles/queries';
import { useSelectedProfile } from '../features/profiles/useSelectedProfile';
import { PromptEditor } from '../features/prompt/PromptEditor';
import { MainOutput } from '../features/compare/MainOutput';
import { RunBar } from '../features/runs/components/RunBar';
import { errorMessage } from '../lib/routeError';
import { AppFooter } from './AppFooter';
import { ConnectionBanner } from './ConnectionBanner';
import { StartupWarnings } from './StartupWarnings';
import { useParamsHydrated } from '../features/params/store';
import { useProfileChoiceHydrated } from '../features/profiles/store';

/** Marks the root element for tests: `ready` once app.info, profiles.list and saved preferences have loaded. */
function useAppStateMarker(state: 'loading' | 'ready' | 'error'): void {
  useEffect(() => {
    const root = document.getElementById('root');
    if (root) root.dataset.appState = state;
  }, [state]);
}

export function App() {
  const info = useQuery(appInfoQuery());
  const profiles = useQuery(profilesQuery());
  const selected = useSelectedProfile();
  const failure = info.error ?? profiles.error;
  // Saved preferences load asynchronously (from main): the form is not ready before they are in.
  const paramsHydrated = useParamsHydrated();
  const profileChoiceHydrated = useProfileChoiceHydrated();
  const hydrated = paramsHydrated && profileChoiceHydrated;
  const state = failure ? 'error' : info.isSuccess && profiles.isSuccess && hydrated ? 'ready' : 'loading';
  useAppStateMarker(state);

  return (
    <div className="app">
      <div className="app-banners">
        <ConnectionBanner />
        <StartupWarnings warnings={info.data?.warnings ?? []} />
        {failure ? (
          <div className="startup-error" role="alert">
            <strong>The playground could not start.</strong> {errorMessage(failure)}
          </div>
        ) : null}
      </div>
      <div className="workspace">
        <aside className="sidebar" aria-label="Connection and parameters">
          <div className="sidebar-head">
            <h1 className="app-title">Completions Playground</h1>
            <HistoryPanel />
            <ImportCurlButton />
          </div>
          <div className="connection-block">
            <ProfilePicker />
            <ModelField profileId={selected?.id ?? null} />
            <LocalOffer />
          </div>
          <PresetsBar />
          <ParamsPanel isBifrost={selected?.kind === 'bifrost'} />
        </aside>
        <main className="main-pane">
          <PromptEditor />
          <RunBar />
          <CostBar />
          <MainOutput />
        </main>
      </div>
      <AppFooter info={info.data} />
      <KeyboardShortcuts />
    </div>
  );
}
