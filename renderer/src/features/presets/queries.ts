import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { RouteInput } from '@shared/contracts/api';
import { api } from '../../lib/api';

export const presetKeys = { list: ['presets', 'list'] as const };

/** The saved presets (sorted by name); they change only through the mutations below. */
export const presetsQuery = () =>
  queryOptions({
    queryKey: presetKeys.list,
    queryFn: () => api.invoke('presets.list', {}),
    staleTime: Number.POSITIVE_INFINITY,
  });

function usePresetMutation<I, O>(call: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: presetKeys.list }),
  });
}

export const useSavePreset = () =>
  usePresetMutation((input: RouteInput<'presets.save'>) => api.invoke('presets.save', input));
export const useRenamePreset = () =>
  usePresetMutation((input: RouteInput<'presets.rename'>) => api.invoke('presets.rename', input));
export const useDeletePreset = () => usePresetMutation((id: string) => api.invoke('presets.delete', { id }));
export const useImportPresets = () =>
  usePresetMutation((json: string) => api.invoke('presets.import', { json }));
