import { useQuery } from '@tanstack/react-query';
import { lookupPrice, type ResolvedPrice } from '@shared/cost/prices';
import { modelsQuery } from '../models/queries';
import { profilesQuery } from '../profiles/queries';
import { priceOverridesQuery } from './queries';

export interface PriceLookup {
  price: ResolvedPrice | null;
  /** Whether the overrides or the gateway's model list are still loading (the price may change). */
  loading: boolean;
}

/**
 * The price of the first of `models` any source knows: the user's override, the profile's gateway
 * (GET /v1/models pricing), the built-in table.
 */
export function useResolvedPrice(
  models: readonly (string | undefined)[],
  profileId: string | null,
): PriceLookup {
  const overrides = useQuery(priceOverridesQuery());
  const gateway = useQuery({ ...modelsQuery(profileId ?? ''), enabled: profileId !== null });
  const profiles = useQuery(profilesQuery());
  const local = profiles.data?.find((profile) => profile.id === profileId)?.kind === 'local';
  const names = models.filter((name): name is string => typeof name === 'string' && name.trim() !== '');
  const price =
    names.length === 0
      ? null
      : lookupPrice(names, { overrides: overrides.data, gatewayModels: gateway.data?.models, local });
  return { price, loading: overrides.isPending || (profileId !== null && gateway.isPending) };
}
