import { useQuery } from '@tanstack/react-query';
import { profilesQuery } from '../profiles/queries';
import type { ExportProfile } from './exportText';

/** The export profile for a profile id (null while profiles load or when it was deleted). */
export function useExportProfile(profileId: string | null): ExportProfile | null {
  const { data } = useQuery(profilesQuery());
  return data?.find((profile) => profile.id === profileId) ?? null;
}
