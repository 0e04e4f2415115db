import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Profile } from '@shared/contracts/profiles';
import { api } from '../../lib/api';
import { modelKeys } from '../models/queries';
import { profileKeys } from './queries';

/** Profile and key mutations; each invalidates exactly what it changes. */
export function useProfileMutations() {
  const queryClient = useQueryClient();
  const profileChanged = async (profileId: string) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: profileKeys.all }),
      queryClient.invalidateQueries({ queryKey: modelKeys.forProfile(profileId) }),
    ]);
  };
  return {
    save: useMutation({
      mutationFn: (profile: Profile) => api.invoke('profiles.save', profile),
      onSuccess: (saved) => profileChanged(saved.id),
    }),
    remove: useMutation({
      mutationFn: (profileId: string) => api.invoke('profiles.delete', { profileId }),
      onSuccess: (_result, profileId) => profileChanged(profileId),
    }),
    setKey: useMutation({
      mutationFn: (input: { profileId: string; key: string }) => api.invoke('keys.set', input),
      // The variables hold the key: drop the finished mutation at once, not after the default 5 minutes
      // (a timer kept it, and so the key, in the page's memory).
      gcTime: 0,
      onSuccess: (_status, input) => profileChanged(input.profileId),
    }),
    clearKey: useMutation({
      mutationFn: (profileId: string) => api.invoke('keys.clear', { profileId }),
      onSuccess: (_status, profileId) => profileChanged(profileId),
    }),
    testKey: useMutation({
      mutationFn: (profileId: string) => api.invoke('keys.test', { profileId }),
    }),
  };
}
