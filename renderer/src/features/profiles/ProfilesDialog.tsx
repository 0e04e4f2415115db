import { useRef, useState, type RefObject } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Dialog,
  DialogTrigger,
  ListBox,
  ListBoxItem,
  Modal,
  ModalOverlay,
} from 'react-aria-components';
import type { ProfileView } from '@shared/contracts/profiles';
import { KeyStatusBadge } from './KeyStatusBadge';
import { KeyManager } from './KeyManager';
import { ProfileForm } from './ProfileForm';
import { kindLabels } from './profileDraft';
import { profilesQuery } from './queries';
import { profileChoiceActions } from './store';
import { useSelectedProfile } from './useSelectedProfile';
import { DialogHead } from '../../ui/DialogHead';

const NEW = '__new__';

export function ProfilesDialog() {
  const dialogRef = useRef<HTMLElement>(null);
  return (
    <DialogTrigger>
      <Button className="button">Edit profiles</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog profiles-dialog" ref={dialogRef}>
            {({ close }) => <ProfilesEditor close={close} dialogRef={dialogRef} />}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

/** What to tell (and where to put focus) after the form remounts for another profile. */
type After = { notice: string; focusKey: boolean } | null;

function ProfilesEditor({
  close,
  dialogRef,
}: {
  close: () => void;
  dialogRef: RefObject<HTMLElement | null>;
}) {
  const { data: profiles = [] } = useQuery(profilesQuery());
  const selected = useSelectedProfile();
  const [editingId, setEditingId] = useState<string>(selected?.id ?? NEW);
  const [justSaved, setJustSaved] = useState<ProfileView | null>(null);
  const [after, setAfter] = useState<After>(null);
  const select = (id: string) => {
    setAfter(null);
    setEditingId(id);
  };
  const editing =
    editingId === NEW
      ? null
      : (profiles.find((p) => p.id === editingId) ?? (justSaved?.id === editingId ? justSaved : null));

  return (
    <>
      <DialogHead title="Edit profiles" onClose={close} />
      <div className="profiles-layout">
        <div className="profiles-list-pane">
          <ListBox
            aria-label="Profiles"
            className="profiles-list"
            selectionMode="single"
            disallowEmptySelection
            selectedKeys={editingId === NEW ? [] : [editingId]}
            onSelectionChange={(keys) => {
              const [key] = [...(keys === 'all' ? [] : keys)];
              if (typeof key === 'string') select(key);
            }}
            items={profiles}
            renderEmptyState={() => <p className="muted">No profiles yet.</p>}
          >
            {(profile) => (
              <ListBoxItem id={profile.id} textValue={profile.name} className="profiles-list-item">
                <span className="profiles-list-name">
                  {profile.name}
                  {profile.default ? <span className="muted"> · default</span> : null}
                </span>
                <span className="profiles-list-meta">
                  <span className="muted">{kindLabels[profile.kind]}</span>
                  <KeyStatusBadge status={profile.keyStatus} />
                </span>
              </ListBoxItem>
            )}
          </ListBox>
          <Button className="button" onPress={() => select(NEW)} isDisabled={editingId === NEW}>
            New profile
          </Button>
        </div>
        <div className="profiles-form-pane">
          <ProfileForm
            key={`form:${editing?.id ?? NEW}`}
            profile={editing}
            notice={after?.notice}
            takenIds={profiles.map((p) => p.id)}
            onSaved={(saved) => {
              if (editingId !== NEW) return;
              // A new profile: the form remounts for it; its key is the next thing to set.
              setJustSaved(saved);
              profileChoiceActions.profileChosen(saved.id);
              setAfter({
                notice: `Profile saved as “${saved.id}”. Paste its key below, if it needs one.`,
                focusKey: true,
              });
              setEditingId(saved.id);
            }}
            onDeleted={(name) => {
              setAfter({ notice: `Deleted “${name}”.`, focusKey: false });
              setEditingId(profiles.find((p) => p.id !== editingId)?.id ?? NEW);
              // The focused button went away with the form: keep focus inside the dialog.
              dialogRef.current?.focus();
            }}
          />
          {editing ? (
            <KeyManager key={`key:${editing.id}`} profile={editing} autoFocus={after?.focusKey === true} />
          ) : null}
        </div>
      </div>
    </>
  );
}
