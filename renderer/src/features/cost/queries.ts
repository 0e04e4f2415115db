import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { RouteInput } from '@shared/contracts/api';
import { api } from '../../lib/api';

export const priceKeys = { overrides: ['prices', 'overrides'] as const };

/** The user's own prices, persisted by main. */
export const priceOverridesQuery = () =>
  queryOptions({
    queryKey: priceKeys.overrides,
    queryFn: () => api.invoke('prices.get', {}),
    staleTime: Infinity,
  });

/** Sets or (price null) removes one model's price; the answer is the new set of overrides. */
export function useSetPrice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RouteInput<'prices.set'>) => api.invoke('prices.set', input),
    onSuccess: async (overrides) => {
      queryClient.setQueryData(priceKeys.overrides, overrides);
      await queryClient.invalidateQueries({ queryKey: priceKeys.overrides });
    },
  });
}
