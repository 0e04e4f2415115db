import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';
import type { ModelInfo } from '@shared/contracts/models';
import { HelpWithWarnings } from '../../ui/FieldNotes';
import { fieldHelp } from '../params/paramDocs';
import { paramsActions, useFieldErrors, useFieldWarnings, useParamsField } from '../params/store';
import { describeModelLimits, describePricing } from './pricing';
import { modelsQuery } from './queries';
import { modelSuggestions } from './suggestions';
import { LabelText } from '../../ui/LabelText';

/** What the model list did, in one quiet line (a failure never blocks typing a model). */
function listStatus(query: {
  isPending: boolean;
  error: Error | null;
  data?: { models: ModelInfo[]; error?: string };
}) {
  if (query.error) return `Model list unavailable: ${query.error.message}`;
  if (query.isPending) return 'Loading models…';
  if (query.data?.error) return `Model list: ${query.data.error}`;
  const count = query.data?.models.length ?? 0;
  return count === 0
    ? 'The provider listed no models; type one.'
    : `${count} models listed; any name can be typed.`;
}

/** `model`: suggestions from `models.list` for the selected profile, free text always allowed. */
export function ModelField({ profileId }: { profileId: string | null }) {
  const model = useParamsField((form) => form.model);
  const errors = useFieldErrors('model');
  const warnings = useFieldWarnings('model');
  const query = useQuery({ ...modelsQuery(profileId ?? ''), enabled: profileId !== null });
  const models = useMemo(() => modelSuggestions(query.data?.models ?? [], model), [query.data, model]);

  return (
    <ComboBox
      className="param model-field"
      inputValue={model}
      onInputChange={paramsActions.modelChanged}
      allowsCustomValue
      // Typing never pops the list over the page (an open list hides the rest of the page from
      // assistive tech until it closes); ↓ or the button opens it, filtered by what is typed.
      menuTrigger="manual"
      items={models}
      isInvalid={errors.length > 0}
    >
      <Label className="param-label">
        <LabelText text="Model (model)" />
      </Label>
      <div className="combo">
        <Input className="input mono" placeholder="provider/model" spellCheck={false} autoComplete="off" />
        {/* Named on its own, so only the input carries the field's label. */}
        <Button className="combo-button" aria-label="Show models" aria-labelledby="">
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      <Text slot="description" className="param-help">
        <HelpWithWarnings help={fieldHelp.model} warnings={warnings} />
        <span className="model-list-status" data-testid="model-list-status">
          {profileId ? listStatus(query) : 'Choose a profile to list its models.'}
        </span>
      </Text>
      <FieldError className="field-error">
        {errors.map((error) => (
          <span key={error}>{error}</span>
        ))}
      </FieldError>
      <Popover className="popover model-popover" placement="bottom start">
        <ListBox<ModelInfo>
          className="listbox"
          aria-label="Models"
          renderEmptyState={() => <p className="listbox-empty">No matching model</p>}
        >
          {(item) => {
            const pricing = describePricing(item.pricing);
            const limits = describeModelLimits(item);
            return (
              <ListBoxItem id={item.id} textValue={item.id} className="listbox-item model-option">
                <span className="mono">{item.id}</span>
                {pricing || limits ? (
                  <span className="model-option-meta">{[pricing, limits].filter(Boolean).join(' · ')}</span>
                ) : null}
              </ListBoxItem>
            );
          }}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
