import type { ModelInfo } from '@shared/contracts/models';

/** Models matching what is typed; all of them when the text is empty or already a listed id. */
export function modelSuggestions(models: readonly ModelInfo[], text: string): readonly ModelInfo[] {
  const needle = text.trim().toLowerCase();
  if (needle === '' || models.some((model) => model.id === text)) return models;
  return models.filter((model) => `${model.id} ${model.name ?? ''}`.toLowerCase().includes(needle));
}
