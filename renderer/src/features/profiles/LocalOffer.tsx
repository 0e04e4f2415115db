import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import type { InstalledModel } from '@shared/contracts/localModels';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/routeError';
import { modelsQuery } from '../models/queries';
import { modelLibraryQuery } from './localModelQueries';
import { profilesQuery, profileKeys } from './queries';
import { profileChoiceActions } from './store';
import { useSelectedProfile } from './useSelectedProfile';

/**
 * When the chosen gateway does not answer, offer the built-in engine instead of only an error: its
 * local profile, or else a model already in the models folder (a local profile is made for it).
 */
export function LocalOffer() {
  const selected = useSelectedProfile();
  const queryClient = useQueryClient();
  const profiles = useQuery(profilesQuery()).data ?? [];
  const models = useQuery({
    ...modelsQuery(selected?.id ?? ''),
    enabled: selected !== null && selected.kind !== 'local',
  });
  const local = profiles.find((profile) => profile.kind === 'local');
  const unreachable = models.data?.error?.startsWith('No gateway at') === true;
  const library = useQuery({ ...modelLibraryQuery(), enabled: unreachable && !local });
  const installed = library.data?.installed[0];
  const [problem, setProblem] = useState<string | null>(null);
  if (!selected || selected.kind === 'local' || !unreachable || (!local && !installed)) return null;

  const adoptModel = async (model: InstalledModel) => {
    try {
      const saved = await api.invoke('profiles.save', {
        id: `local-${model.file.replace(/\.gguf$/i, '').replace(/[^A-Za-z0-9_.-]+/g, '-')}`.slice(0, 64),
        name: model.file.replace(/\.gguf$/i, ''),
        kind: 'local',
        modelPath: model.path,
      });
      await queryClient.invalidateQueries({ queryKey: profileKeys.all });
      profileChoiceActions.profileChosen(saved.id);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  return (
    <div className="local-offer" role="note" data-testid="local-offer">
      <span>
        No gateway answers at <span className="mono">{selected.baseUrl}</span>.{' '}
        {local ? (
          <>
            The built-in model <strong>{local.name}</strong> runs here, offline.
          </>
        ) : (
          <>
            The model <strong>{installed?.file}</strong> is on this computer and can run here, offline.
          </>
        )}
      </span>
      {local ? (
        <Button className="button button-small" onPress={() => profileChoiceActions.profileChosen(local.id)}>
          Use {local.name}
        </Button>
      ) : installed ? (
        <Button className="button button-small" onPress={() => void adoptModel(installed)}>
          Use {installed.file}
        </Button>
      ) : null}
      {problem ? <span className="field-error">{problem}</span> : null}
    </div>
  );
}
