import { useQuery } from '@tanstack/react-query';
import type { ProfileView } from '@shared/contracts/profiles';
import { profilesQuery } from './queries';
import { resolveSelectedProfile } from './selection';
import { useChosenProfileId } from './store';

/** The profile runs and model lists use (the chosen one, else the default, else the first). */
export function useSelectedProfile(): ProfileView | null {
  const { data } = useQuery(profilesQuery());
  const chosenId = useChosenProfileId();
  return resolveSelectedProfile(data, chosenId);
}
