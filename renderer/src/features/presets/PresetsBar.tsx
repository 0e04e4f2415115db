import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { errorMessage } from '../../lib/routeError';
import { getParamsForm, paramsActions } from '../params/store';
import { ManagePresetsDialog } from './ManagePresetsDialog';
import { formWithPreset } from './presetParams';
import { presetsQuery } from './queries';
import { SavePresetDialog } from './SavePresetDialog';
import './presets.css';

/** Named parameter presets in the sidebar: pick one and Apply, Save… the current parameters, Manage…. */
export function PresetsBar() {
  const selectId = useId();
  const { data, error } = useQuery(presetsQuery());
  const presets = data?.presets ?? [];
  const [chosenId, setChosenId] = useState('');
  const [notice, setNotice] = useState('');
  const chosen = presets.find((preset) => preset.id === chosenId) ?? null;

  const apply = () => {
    if (!chosen) return;
    paramsActions.formReplaced(formWithPreset(getParamsForm(), chosen.params));
    setNotice(`Applied “${chosen.name}”.`);
  };

  return (
    <section className="presets-bar" aria-label="Presets">
      <div className="presets-head">
        <label className="param-label" htmlFor={selectId}>
          Preset
        </label>
        <SavePresetDialog
          presets={presets}
          onSaved={(preset) => {
            setChosenId(preset.id);
            setNotice(`Saved “${preset.name}”.`);
          }}
        />
        <ManagePresetsDialog presets={presets} />
      </div>
      <div className="presets-row">
        <select
          id={selectId}
          className="input select"
          value={chosen ? chosen.id : ''}
          onChange={(event) => {
            setChosenId(event.target.value);
            setNotice('');
          }}
        >
          <option value="">{presets.length === 0 ? 'No presets yet' : 'Choose a preset…'}</option>
          {presets.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.name}
            </option>
          ))}
        </select>
        <Button className="button" aria-label="Apply preset" isDisabled={!chosen} onPress={apply}>
          Apply
        </Button>
      </div>
      <div
        className={`form-message${error || data?.warning ? ' is-error' : ''}`}
        role="status"
        data-testid="presets-status"
      >
        {error ? `Could not load the presets: ${errorMessage(error)}` : (data?.warning ?? notice)}
      </div>
    </section>
  );
}
