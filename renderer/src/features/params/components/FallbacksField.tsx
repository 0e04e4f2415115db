import { providerModelPattern } from '@shared/contracts/params';
import { fieldHelp } from '../paramDocs';
import { paramsActions, useFieldErrors, useFieldWarnings, useParamsList } from '../store';
import { TagEntryField } from './TagEntryField';

export function FallbacksField({ isBifrost }: { isBifrost: boolean }) {
  const fallbacks = useParamsList((form) => form.fallbacks);
  const errors = useFieldErrors('fallbacks');
  const warnings = useFieldWarnings('fallbacks');
  const help = isBifrost
    ? fieldHelp.fallbacks
    : `${fieldHelp.fallbacks} Not sent: the selected profile is not a Bifrost gateway.`;
  return (
    <TagEntryField
      label="Fallbacks (fallbacks)"
      listLabel="Current fallbacks"
      itemNoun="fallback"
      values={fallbacks}
      toValue={(entry) => {
        const value = entry.trim();
        if (value === '') return null;
        if (!providerModelPattern.test(value)) return { error: 'Name a fallback as provider/model' };
        if (fallbacks.includes(value)) return { error: `${value} is already a fallback` };
        return { value };
      }}
      display={(value) => value}
      onAdd={paramsActions.fallbackAdded}
      onRemove={paramsActions.fallbackRemoved}
      help={help}
      placeholder="provider/model, e.g. anthropic/claude-instant-1"
      emptyText="None: only the primary model is tried."
      errors={errors}
      warnings={warnings}
    />
  );
}
