import { infiniteQueryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { nextCursor } from './historyWindow';

/** Rows fetched per history.list call. */
export const HISTORY_PAGE_SIZE = 500;

export const historyKeys = {
  all: ['history'] as const,
  list: (query: string) => [...historyKeys.all, 'list', query] as const,
};

/** Saved runs matching `query` (server side), newest first, a page at a time. */
export const historyListQuery = (query: string) =>
  infiniteQueryOptions({
    queryKey: historyKeys.list(query),
    queryFn: ({ pageParam }) =>
      api.invoke('history.list', {
        limit: HISTORY_PAGE_SIZE,
        ...(query === '' ? {} : { query }),
        ...(pageParam === undefined ? {} : { before: pageParam }),
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => nextCursor(page, HISTORY_PAGE_SIZE),
    // The history changes with every run: fetched fresh each time the panel opens.
    staleTime: 0,
  });

export function useDeleteRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.invoke('history.delete', { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: historyKeys.all }),
  });
}

export function useImportHistory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: string) => api.invoke('history.import', { json }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: historyKeys.all }),
  });
}
