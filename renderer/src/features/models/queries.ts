import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const modelKeys = {
  all: ['models'] as const,
  forProfile: (profileId: string) => [...modelKeys.all, profileId] as const,
};

export const modelsQuery = (profileId: string) =>
  queryOptions({
    queryKey: modelKeys.forProfile(profileId),
    queryFn: () => api.invoke('models.list', { profileId }),
    staleTime: 5 * 60_000,
  });
