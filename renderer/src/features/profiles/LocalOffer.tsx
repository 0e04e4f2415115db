import { useQuery } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { modelsQuery } from '../models/queries';
import { profilesQuery } from './queries';
import { profileChoiceActions } from './store';
import { useSelectedProfile } from './useSelectedProfile';

/**
 * When the chosen gateway does not answer and a built-in local model is configured, offer it instead
 * of leaving the user with only an error.
 */
export function LocalOffer() {
  const selected = useSelectedProfile();
  const profiles = useQuery(profilesQuery()).data ?? [];
  const models = useQuery({
    ...modelsQuery(selected?.id ?? ''),
    enabled: selected !== null && selected.kind !== 'local',
  });
  const local = profiles.find((profile) => profile.kind === 'local');
  const unreachable = models.data?.error?.startsWith('No gateway at') === true;
  if (!selected || selected.kind === 'local' || !local || !unreachable) return null;
  return (
    <div className="local-offer" role="note" data-testid="local-offer">
      <span>
        No gateway answers at <span className="mono">{selected.baseUrl}</span>. The built-in model{' '}
        <strong>{local.name}</strong> runs here, offline.
      </span>
      <Button className="button button-small" onPress={() => profileChoiceActions.profileChosen(local.id)}>
        Use {local.name}
      </Button>
    </div>
  );
}
