import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const profileKeys = {
  all: ['profiles'] as const,
  list: () => [...profileKeys.all, 'list'] as const,
};

/** Profiles change only through mutations and the `profiles.changed` event, which invalidate this. */
export const profilesQuery = () =>
  queryOptions({
    queryKey: profileKeys.list(),
    queryFn: () => api.invoke('profiles.list', {}),
    staleTime: Number.POSITIVE_INFINITY,
  });
