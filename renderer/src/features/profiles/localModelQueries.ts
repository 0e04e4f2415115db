import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** The built-in engine's models folder: installed GGUF files and the suggested downloads. */
export const modelLibraryQuery = () =>
  queryOptions({ queryKey: ['engine', 'models'] as const, queryFn: () => api.invoke('engine.models', {}) });
