import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Dialog,
  DialogTrigger,
  Heading,
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

const NEW = '__new__';

export function ProfilesDialog() {
  return (
    <DialogTrigger>
      <Button className="button">Edit profiles</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog profiles-dialog">
            {({ close }) => <ProfilesEditor close={close} />}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function ProfilesEditor({ close }: { close: () => void }) {
  const { data: profiles = [] } = useQuery(profilesQuery());
  const selected = useSelectedProfile();
  const [editingId, setEditingId] = useState<string>(selected?.id ?? NEW);
  const [justSaved, setJustSaved] = useState<ProfileView | null>(null);
  const editing =
    editingId === NEW ? null : (profiles.find((p) => p.id === editingId) ?? (justSaved?.id === editingId ? justSaved : null));

  return (
    <>
      <div className="dialog-head">
        <Heading slot="title" className="dialog-title">
          Edit profiles
        </Heading>
        <Button className="button" onPress={close}>
          Close
        </Button>
      </div>
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
              if (typeof key === 'string') setEditingId(key);
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
          <Button className="button" onPress={() => setEditingId(NEW)} isDisabled={editingId === NEW}>
            New profile
          </Button>
        </div>
        <div className="profiles-form-pane">
          <ProfileForm
            key={`form:${editing?.id ?? NEW}`}
            profile={editing}
            takenIds={profiles.map((p) => p.id)}
            onSaved={(saved) => {
              setJustSaved(saved);
              if (editingId === NEW) profileChoiceActions.profileChosen(saved.id);
              setEditingId(saved.id);
            }}
            onDeleted={() => setEditingId(profiles.find((p) => p.id !== editingId)?.id ?? NEW)}
          />
          {editing ? <KeyManager key={`key:${editing.id}`} profile={editing} /> : null}
        </div>
      </div>
    </>
  );
}
