import { QueryClient } from '@tanstack/react-query';

/**
 * Calls go to the local main process (or the loopback host), so retries and focus refetches only
 * add noise: data changes are announced by events and mutations invalidate precise keys.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});
