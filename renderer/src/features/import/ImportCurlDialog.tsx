import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Dialog,
  DialogTrigger,
  Label,
  Modal,
  ModalOverlay,
  TextArea,
  TextField,
} from 'react-aria-components';
import { errorMessage } from '../../lib/routeError';
import { paramsActions } from '../params/store';
import { useProfileMutations } from '../profiles/mutations';
import { profilesQuery } from '../profiles/queries';
import { profileChoiceActions } from '../profiles/store';
import { useSelectedProfile } from '../profiles/useSelectedProfile';
import { ImportReview } from './ImportReview';
import { planImport, type ImportPlan, type ProfileOption } from './importPlan';
import './import.css';
import { DialogHead } from '../../ui/DialogHead';

/** **Import curl…**: paste a curl command (ours, Bifrost's or OpenAI's docs) and the form fills in. */
export function ImportCurlButton() {
  return (
    <DialogTrigger>
      <Button className="button button-small import-curl-button">Import curl…</Button>
      <ModalOverlay className="modal-overlay">
        <Modal className="modal import-modal">
          <Dialog className="dialog import-dialog">{({ close }) => <ImportCurlPanel close={close} />}</Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

/** Opens the profile editor (on the selected profile), where the key field is. */
function openProfileEditor(): void {
  const button = Array.from(document.querySelectorAll('button')).find(
    (candidate) => candidate.textContent === 'Edit profiles',
  );
  button?.click();
}

function ImportCurlPanel({ close }: { close: () => void }) {
  const { data: profiles = [] } = useQuery(profilesQuery());
  const selected = useSelectedProfile();
  const { save } = useProfileMutations();
  const [text, setText] = useState('');
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [choice, setChoice] = useState(0);
  const [applyError, setApplyError] = useState<string | null>(null);
  const [filled, setFilled] = useState<string | null>(null);

  const review = () => {
    setPlan(planImport(text, profiles, selected?.id ?? null));
    setChoice(0);
    setApplyError(null);
    setFilled(null);
  };

  const profileFor = async (option: ProfileOption): Promise<{ id: string; name: string }> => {
    if (option.kind !== 'new') return { id: option.profileId, name: option.name };
    const saved = await save.mutateAsync(option.profile);
    return { id: saved.id, name: saved.name };
  };

  const apply = async () => {
    if (!plan?.ok) return;
    const option = plan.profileOptions[choice];
    if (!option) return;
    try {
      const profile = await profileFor(option);
      profileChoiceActions.profileChosen(profile.id);
      paramsActions.formReplaced(plan.form);
      if (!plan.hadLiteralKey) return close();
      setFilled(`The form is filled and ${profile.name} is selected.`);
    } catch (error) {
      setApplyError(errorMessage(error));
    }
  };

  return (
    <>
      <DialogHead title="Import a curl command" onClose={close} />
      <div className="import-body">
        <TextField
          className="field"
          value={text}
          onChange={(value) => {
            setText(value);
            setPlan(null);
            setFilled(null);
          }}
          isInvalid={plan?.ok === false}
        >
          <Label className="param-label">Paste a curl command</Label>
          <TextArea
            className="input textarea mono import-textarea"
            rows={8}
            spellCheck={false}
            placeholder="curl http://localhost:8080/v1/completions -H 'Content-Type: application/json' -d '{…}'"
          />
        </TextField>
        <div className="button-row">
          <Button className="button" onPress={review}>
            Import
          </Button>
        </div>
        {plan && !plan.ok ? (
          <div className="import-errors" role="alert">
            <strong>This cannot be imported.</strong>
            <ul>
              {plan.errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {plan?.ok && filled === null ? (
          <ImportReview
            plan={plan}
            choice={choice}
            onChoice={setChoice}
            onApply={() => void apply()}
            busy={save.isPending}
            error={applyError}
          />
        ) : null}
        {plan?.ok && filled !== null ? (
          <div className="import-done" role="status">
            <p>{filled}</p>
            <p>
              The command carried a key itself: it was not imported. Paste it into the profile’s key field.
            </p>
            <div className="button-row">
              <Button
                className="button button-primary"
                onPress={() => {
                  close();
                  requestAnimationFrame(openProfileEditor);
                }}
              >
                Paste the key in Edit profiles
              </Button>
              <Button className="button" onPress={close}>
                Done
              </Button>
            </div>
          </div>
        ) : null}
      </div>
    </>
  );
}
