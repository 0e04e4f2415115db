import { useState, type FormEvent } from 'react';
import { Button, FieldError, Input, Label, TextField } from 'react-aria-components';
import { PRESET_NAME_MAX_LENGTH, type Preset } from '@shared/contracts/presets';
import { errorMessage } from '../../lib/routeError';
import { describePresetParams } from './presetParams';
import { useDeletePreset, useRenamePreset } from './queries';

type Notice = { tone: 'ok' | 'error'; text: string };
type Mode = 'view' | 'rename' | 'confirm-delete';

/** One preset in the manager: its name and parameters, Rename (inline) and Delete (confirmed). */
export function PresetItem({ preset, onDone }: { preset: Preset; onDone: (notice: Notice) => void }) {
  const [mode, setMode] = useState<Mode>('view');
  const [name, setName] = useState(preset.name);
  const [problem, setProblem] = useState('');
  const rename = useRenamePreset();
  const remove = useDeletePreset();

  const submitRename = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setProblem('Name the preset');
    rename.mutate(
      { id: preset.id, name },
      {
        onSuccess: (renamed) => {
          setMode('view');
          onDone({ tone: 'ok', text: `Renamed “${preset.name}” to “${renamed.name}”.` });
        },
        onError: (error) => setProblem(errorMessage(error)),
      },
    );
  };

  return (
    <li className="preset-item" data-testid="preset-item" aria-label={preset.name}>
      {mode === 'rename' ? (
        <form className="preset-rename" onSubmit={submitRename}>
          <TextField
            className="field"
            value={name}
            onChange={(text) => {
              setName(text);
              setProblem('');
            }}
            maxLength={PRESET_NAME_MAX_LENGTH}
            isInvalid={problem !== ''}
            autoFocus
          >
            <Label className="visually-hidden">New name for {preset.name}</Label>
            <Input className="input" />
            <FieldError className="field-error">{problem}</FieldError>
          </TextField>
          <Button type="submit" className="button button-small button-primary" isDisabled={rename.isPending}>
            Save name
          </Button>
          <Button className="button button-small" onPress={() => setMode('view')}>
            Cancel
          </Button>
        </form>
      ) : (
        <div className="preset-item-text">
          <span className="preset-item-name">{preset.name}</span>
          <span className="muted truncate" title={describePresetParams(preset.params)}>
            {describePresetParams(preset.params)}
          </span>
        </div>
      )}
      {mode === 'view' ? (
        <div className="button-row">
          <Button
            className="button button-small"
            aria-label={`Rename ${preset.name}`}
            onPress={() => {
              setName(preset.name);
              setMode('rename');
            }}
          >
            Rename
          </Button>
          <Button
            className="button button-small button-danger"
            aria-label={`Delete ${preset.name}`}
            onPress={() => setMode('confirm-delete')}
          >
            Delete
          </Button>
        </div>
      ) : null}
      {mode === 'confirm-delete' ? (
        <span className="confirm" role="group" aria-label="Confirm delete">
          <span>Delete “{preset.name}”?</span>
          <Button
            className="button button-small button-danger"
            isDisabled={remove.isPending}
            onPress={() =>
              remove.mutate(preset.id, {
                onSuccess: () => onDone({ tone: 'ok', text: `Deleted “${preset.name}”.` }),
                onError: (error) => {
                  setMode('view');
                  onDone({ tone: 'error', text: `Delete failed: ${errorMessage(error)}` });
                },
              })
            }
          >
            Delete preset
          </Button>
          <Button className="button button-small" onPress={() => setMode('view')}>
            Cancel
          </Button>
        </span>
      ) : null}
    </li>
  );
}
