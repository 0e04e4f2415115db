import { memo, useState } from 'react';
import { Button, Checkbox, Input, Label, TextField } from 'react-aria-components';
import type { ProfileView } from '@shared/contracts/profiles';
import { providerModelPattern } from '@shared/contracts/params';
import { compareActions, useCompare } from './compareStore';
import { nextTargetId } from './compareTargets';

/** Memoised (like the buttons below): the view re-renders as each column starts and ends; a checkbox need not. */
const Toggle = memo(function Toggle({
  label,
  isSelected,
  isDisabled,
  onChange,
  hint,
}: {
  label: string;
  isSelected: boolean;
  isDisabled?: boolean;
  onChange(value: boolean): void;
  hint?: string;
}) {
  return (
    <Checkbox className="compare-toggle" isSelected={isSelected} isDisabled={isDisabled} onChange={onChange}>
      <span className="checkbox-box" aria-hidden="true" />
      {label}
      {hint ? <span className="muted"> ({hint})</span> : null}
    </Checkbox>
  );
});

/** Adds a target: any model on any provider profile. */
const AddTarget = memo(function AddTarget({
  profiles,
  defaultProfileId,
}: {
  profiles: readonly ProfileView[];
  defaultProfileId: string | null;
}) {
  const targets = useCompare((state) => state.targets);
  const [model, setModel] = useState('');
  const [profileId, setProfileId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chosen = profileId ?? defaultProfileId ?? profiles[0]?.id ?? null;
  const add = () => {
    const name = model.trim();
    if (!chosen) return setError('Add a provider profile first.');
    if (!name) return setError('Type a model, e.g. openai/davinci-002.');
    const profile = profiles.find((candidate) => candidate.id === chosen);
    if (profile?.kind === 'bifrost' && !providerModelPattern.test(name))
      return setError('Bifrost models are named provider/model.');
    setError(null);
    compareActions.targetAdded({
      id: nextTargetId(targets),
      profileId: chosen,
      model: name,
      overridesText: '',
    });
    setModel('');
  };
  return (
    <form
      className="compare-add"
      onSubmit={(event) => {
        event.preventDefault();
        add();
      }}
    >
      <label className="compare-add-profile">
        <span>Profile</span>
        <select className="input" value={chosen ?? ''} onChange={(event) => setProfileId(event.target.value)}>
          {profiles.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.name}
            </option>
          ))}
        </select>
      </label>
      <TextField
        className="field compare-add-model"
        value={model}
        onChange={setModel}
        isInvalid={error !== null}
      >
        <Label>Target model</Label>
        <Input className="input mono" placeholder="provider/model" />
      </TextField>
      <Button type="submit" className="button">
        Add target
      </Button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
});

export interface CompareToolbarProps {
  profiles: readonly ProfileView[];
  formProfileId: string | null;
  hasFallbacks: boolean;
  anyRunning: boolean;
  canRun: boolean;
  onRunAll(): void;
  onStopAll(): void;
  onReset(): void;
}

export const CompareToolbar = memo(function CompareToolbar(props: CompareToolbarProps) {
  const { profiles, formProfileId, hasFallbacks, anyRunning, canRun, onRunAll, onStopAll, onReset } = props;
  const sequential = useCompare((state) => state.sequential);
  const syncScroll = useCompare((state) => state.syncScroll);
  const gatewayRun = useCompare((state) => state.gatewayRun);
  return (
    <div className="compare-toolbar">
      <div className="compare-toolbar-row">
        <Button className="button button-primary" onPress={onRunAll} isDisabled={anyRunning || !canRun}>
          Run all
        </Button>
        <Button className="button" onPress={onStopAll} isDisabled={!anyRunning}>
          Stop all
        </Button>
        <Toggle
          label="One after another"
          hint="for local servers"
          isSelected={sequential}
          onChange={compareActions.sequentialToggled}
        />
        <Toggle label="Sync scroll" isSelected={syncScroll} onChange={compareActions.syncScrollToggled} />
        <Toggle
          label="Gateway fallback run"
          hint={hasFallbacks ? 'the form with its fallbacks' : 'set fallbacks in the form'}
          isSelected={gatewayRun && hasFallbacks}
          isDisabled={!hasFallbacks}
          onChange={compareActions.gatewayRunToggled}
        />
        <Button className="button" onPress={onReset} isDisabled={anyRunning}>
          Reset targets from the form
        </Button>
      </div>
      <AddTarget profiles={profiles} defaultProfileId={formProfileId} />
    </div>
  );
});
