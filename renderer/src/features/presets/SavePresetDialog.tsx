import { useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  DialogTrigger,
  FieldError,
  Input,
  Label,
  Modal,
  ModalOverlay,
  Text,
  TextField,
} from 'react-aria-components';
import { PRESET_NAME_MAX_LENGTH, type Preset } from '@shared/contracts/presets';
import { errorMessage } from '../../lib/routeError';
import { getParamsForm } from '../params/store';
import { describePresetParams, presetParamsFromForm } from './presetParams';
import { useSavePreset } from './queries';
import { DialogHead } from '../../ui/DialogHead';

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** "Save…": the current parameters under a name (an existing name is replaced, and says so). */
export function SavePresetDialog({
  presets,
  onSaved,
}: {
  presets: readonly Preset[];
  onSaved: (preset: Preset) => void;
}) {
  return (
    <DialogTrigger>
      <Button className="link-button" aria-label="Save preset…">
        Save…
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal preset-modal">
          <Dialog className="dialog" aria-label="Save preset">
            {({ close }) => <SavePresetForm presets={presets} close={close} onSaved={onSaved} />}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function SavePresetForm({
  presets,
  close,
  onSaved,
}: {
  presets: readonly Preset[];
  close: () => void;
  onSaved: (preset: Preset) => void;
}) {
  const [fromForm] = useState(() => presetParamsFromForm(getParamsForm()));
  const [name, setName] = useState('');
  const [problem, setProblem] = useState('');
  const save = useSavePreset();
  const replaces = presets.find((preset) => sameName(preset.name, name));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!fromForm.ok) return;
    if (name.trim() === '') return setProblem('Name the preset');
    save.mutate(
      { name, params: fromForm.params },
      {
        onSuccess: (preset) => {
          onSaved(preset);
          close();
        },
        onError: (error) => setProblem(errorMessage(error)),
      },
    );
  };

  return (
    <form className="preset-form" onSubmit={submit}>
      <DialogHead title="Save preset" />
      <div className="preset-form-body">
        {fromForm.ok ? (
          <p className="muted" data-testid="preset-save-summary">
            {describePresetParams(fromForm.params)}
          </p>
        ) : (
          <p className="field-error" role="alert">
            {fromForm.message}
          </p>
        )}
        <TextField
          className="field"
          value={name}
          onChange={(text) => {
            setName(text);
            setProblem('');
          }}
          maxLength={PRESET_NAME_MAX_LENGTH}
          isInvalid={problem !== ''}
          isDisabled={!fromForm.ok}
          autoFocus
        >
          <Label className="param-label">Preset name</Label>
          <Input className="input" />
          {replaces && problem === '' ? (
            <Text slot="description" className="param-help field-warning">
              Saving replaces the preset “{replaces.name}”.
            </Text>
          ) : null}
          <FieldError className="field-error">{problem}</FieldError>
        </TextField>
        <p className="muted">The prompt and the suffix are not part of a preset.</p>
        <div className="button-row">
          <Button type="submit" className="button button-primary" isDisabled={!fromForm.ok || save.isPending}>
            Save preset
          </Button>
          <Button className="button" onPress={close}>
            Cancel
          </Button>
        </div>
      </div>
    </form>
  );
}
