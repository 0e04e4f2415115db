import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const appInfoQuery = () =>
  queryOptions({
    queryKey: ['app', 'info'],
    queryFn: () => api.invoke('app.info', {}),
    staleTime: Number.POSITIVE_INFINITY,
  });
