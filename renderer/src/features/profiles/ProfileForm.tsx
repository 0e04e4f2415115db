import { useId, useMemo, useState, type FormEvent } from 'react';
import { Button, FieldError, Input, Label, Switch, Text, TextField } from 'react-aria-components';
import {
  DEFAULT_FIRST_BYTE_TIMEOUT_MS,
  DEFAULT_STALL_TIMEOUT_MS,
  type ProfileView,
} from '@shared/contracts/profiles';
import { errorMessage } from '../../lib/routeError';
import { HeaderRows } from './HeaderRows';
import { LocalModelPicker } from './LocalModelPicker';
import { useProfileMutations } from './mutations';
import {
  draftFromProfile,
  emptyDraft,
  endpointSuggestions,
  kindLabels,
  withKind,
  profileFromDraft,
  type DraftIssues,
  type ProfileDraft,
} from './profileDraft';

type TextKey = 'name' | 'baseUrl' | 'keyEnv' | 'firstByteTimeoutMs' | 'stallTimeoutMs' | 'modelPath';

const kinds = Object.keys(kindLabels) as Array<keyof typeof kindLabels>;

/** Add or edit one profile. Messages come from profileSchema, shown once a save was attempted. */
export function ProfileForm(props: {
  profile: ProfileView | null;
  /** A message carried over from the form this one replaced. */
  notice?: string | undefined;
  takenIds: string[];
  onSaved: (profile: ProfileView) => void;
  onDeleted: (name: string) => void;
}) {
  const [draft, setDraft] = useState<ProfileDraft>(() =>
    props.profile ? draftFromProfile(props.profile) : emptyDraft(),
  );
  const [attempted, setAttempted] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(
    props.notice ? { tone: 'ok', text: props.notice } : null,
  );
  const { save, remove } = useProfileMutations();
  const kindId = useId();
  const endpointListId = useId();
  const result = useMemo(() => profileFromDraft(draft, props.takenIds), [draft, props.takenIds]);
  const issues: DraftIssues = attempted && !result.ok ? result.issues : {};
  const edit = (patch: Partial<ProfileDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setMessage(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setAttempted(true);
    if (!result.ok) return setMessage({ tone: 'error', text: 'Fix the marked fields to save.' });
    save.mutate(result.profile, {
      onSuccess: (saved) => {
        setMessage({ tone: 'ok', text: 'Profile saved.' });
        props.onSaved(saved);
      },
      onError: (error) => setMessage({ tone: 'error', text: errorMessage(error) }),
    });
  };
  const deleteProfile = () => {
    const profile = props.profile;
    if (!profile || remove.isPending) return;
    remove.mutate(profile.id, {
      onSuccess: () => props.onDeleted(profile.name),
      onError: (error) => setMessage({ tone: 'error', text: errorMessage(error) }),
    });
  };

  const textField = (
    name: TextKey,
    label: string,
    extra?: { placeholder?: string; help?: string; mono?: boolean },
  ) => {
    const errors = issues[name] ?? [];
    return (
      <TextField
        className="field"
        value={draft[name]}
        onChange={(text) => edit({ [name]: text } as Partial<ProfileDraft>)}
        isInvalid={errors.length > 0}
      >
        <Label className="param-label">{label}</Label>
        <Input
          className={extra?.mono ? 'input mono' : 'input'}
          placeholder={extra?.placeholder}
          autoComplete="off"
          spellCheck={false}
        />
        {extra?.help ? (
          <Text slot="description" className="param-help">
            {extra.help}
          </Text>
        ) : null}
        <FieldError className="field-error">{errors.join(' ')}</FieldError>
      </TextField>
    );
  };

  const endpointErrors = issues.endpoint ?? [];
  return (
    <form
      className="profile-form"
      onSubmit={submit}
      aria-label={props.profile ? `Profile ${props.profile.name}` : 'New profile'}
      noValidate
    >
      <h3 className="form-section-title">{props.profile ? props.profile.name : 'New profile'}</h3>
      <div className="form-grid">
        {textField('name', 'Name', { placeholder: 'e.g. Local Bifrost' })}
        <div className="field">
          <label className="param-label" htmlFor={kindId}>
            Kind
          </label>
          <select
            id={kindId}
            className="input select"
            value={draft.kind}
            onChange={(event) => {
              const kind = event.target.value as ProfileDraft['kind'];
              setDraft((current) => withKind(current, kind));
              setMessage(null);
            }}
          >
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabels[kind]}
              </option>
            ))}
          </select>
        </div>
        {draft.kind === 'local' ? (
          textField('modelPath', 'Model file (GGUF)', {
            placeholder: '/home/me/models/model.gguf',
            mono: true,
            help: 'Full path of a .gguf file. The app runs it with llama.cpp and serves it on 127.0.0.1.',
          })
        ) : (
          <>
            {textField('baseUrl', 'Base URL', { placeholder: 'http://localhost:8080', mono: true })}
            <TextField
              className="field"
              value={draft.endpoint}
              onChange={(endpoint) => edit({ endpoint })}
              isInvalid={endpointErrors.length > 0}
            >
              <Label className="param-label">Endpoint</Label>
              {/* A native datalist: suggestions without taking over the dialog; any path may be typed. */}
              <Input className="input mono" autoComplete="off" spellCheck={false} list={endpointListId} />
              <datalist id={endpointListId}>
                {endpointSuggestions[draft.kind].map((path) => (
                  <option key={path} value={path} />
                ))}
              </datalist>
              <Text slot="description" className="param-help">
                Path after the base URL. Bifrost: /v1/completions or /openai/v1/completions.
              </Text>
              <FieldError className="field-error">{endpointErrors.join(' ')}</FieldError>
            </TextField>
            {textField('keyEnv', 'Key environment variable', {
              placeholder: 'e.g. BIFROST_API_KEY',
              mono: true,
              help: 'Read when no key is stored; the name ends in _KEY or _TOKEN.',
            })}
          </>
        )}
        {textField('firstByteTimeoutMs', 'First-byte timeout (ms)', {
          placeholder: String(DEFAULT_FIRST_BYTE_TIMEOUT_MS),
          help: 'Fail when no byte arrives within this time.',
        })}
        {textField('stallTimeoutMs', 'Stall timeout (ms)', {
          placeholder: String(DEFAULT_STALL_TIMEOUT_MS),
          help: 'Fail when the stream goes silent this long.',
        })}
      </div>
      {draft.kind === 'local' ? (
        <LocalModelPicker modelPath={draft.modelPath} onPick={(modelPath) => edit({ modelPath })} />
      ) : (
        <HeaderRows rows={draft.headers} issues={issues} onChange={(headers) => edit({ headers })} />
      )}
      <Switch className="switch" isSelected={draft.isDefault} onChange={(isDefault) => edit({ isDefault })}>
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span>Default profile</span>
      </Switch>
      {issues.form ? <p className="field-error">{issues.form.join(' ')}</p> : null}
      <div className="button-row">
        {/* Never disabled while saving: a disabled button drops keyboard focus. */}
        <Button type="submit" className="button button-primary">
          Save profile
        </Button>
        {props.profile && !confirmDelete ? (
          <Button className="button button-danger" onPress={() => setConfirmDelete(true)}>
            Delete profile
          </Button>
        ) : null}
        {props.profile && confirmDelete ? (
          <span className="confirm" role="group" aria-label="Confirm deletion">
            <span>Delete “{props.profile.name}”?</span>
            <Button className="button button-danger" onPress={deleteProfile} autoFocus>
              Confirm delete
            </Button>
            <Button className="button" onPress={() => setConfirmDelete(false)}>
              Cancel
            </Button>
          </span>
        ) : null}
      </div>
      <p
        className={message?.tone === 'error' ? 'form-message is-error' : 'form-message'}
        role="status"
        data-testid="profile-message"
      >
        {message?.text}
      </p>
    </form>
  );
}
