import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Input, Label, Text, TextField } from 'react-aria-components';
import type { ProfileView } from '@shared/contracts/profiles';
import { errorMessage } from '../../lib/routeError';
import { appInfoQuery } from '../app/queries';
import { KeyStatusBadge } from './KeyStatusBadge';
import { useProfileMutations } from './mutations';

type Message = { tone: 'ok' | 'error'; text: string };

/** Write-only key field: a saved key is never shown or sent back, only its status. */
export function KeyManager({ profile, autoFocus = false }: { profile: ProfileView; autoFocus?: boolean }) {
  const [key, setKey] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const { data: appInfo } = useQuery(appInfoQuery());
  const { setKey: saveKey, clearKey, testKey } = useProfileMutations();
  const status = profile.keyStatus;
  const canClear = status.source === 'stored' || status.source === 'session';
  const busy = saveKey.isPending || clearKey.isPending || testKey.isPending;

  const save = (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    if (key.trim() === '') return setMessage({ tone: 'error', text: 'Paste a key first.' });
    saveKey.mutate(
      { profileId: profile.id, key },
      {
        onSuccess: () => {
          setKey('');
          setMessage({ tone: 'ok', text: 'Key saved.' });
        },
        onError: (error) => setMessage({ tone: 'error', text: errorMessage(error) }),
        // Forget the call (its variables hold the key) as soon as it is over.
        onSettled: () => saveKey.reset(),
      },
    );
  };
  // Buttons stay enabled while a call is pending (a disabled button drops keyboard focus).
  const clear = () =>
    !busy &&
    clearKey.mutate(profile.id, {
      onSuccess: () => setMessage({ tone: 'ok', text: 'Key cleared.' }),
      onError: (error) => setMessage({ tone: 'error', text: errorMessage(error) }),
    });
  const test = () =>
    !busy &&
    testKey.mutate(profile.id, {
      onSuccess: (result) => setMessage({ tone: result.ok ? 'ok' : 'error', text: result.message }),
      onError: (error) => setMessage({ tone: 'error', text: errorMessage(error) }),
    });

  return (
    <form className="key-manager" onSubmit={save} aria-label="Key">
      <h3 className="form-section-title">Key</h3>
      <div className="key-status-line">
        <span className="muted">Status</span>
        <KeyStatusBadge status={status} testId="profile-key-status" />
        {status.source === 'none' && status.envVar ? (
          <span className="muted">(${status.envVar} is not set)</span>
        ) : null}
      </div>
      <TextField className="field" type="password" value={key} onChange={setKey}>
        <Label className="param-label">API key</Label>
        <Input
          className="input mono"
          autoFocus={autoFocus}
          autoComplete="new-password"
          spellCheck={false}
          placeholder={status.configured ? 'Paste a new key to replace it' : 'Paste a key'}
        />
        <Text slot="description" className="param-help">
          Write-only: once saved it is never shown again. {appInfo?.keyStorage.description}
        </Text>
      </TextField>
      <div className="button-row">
        <Button type="submit" className="button button-primary">
          Save key
        </Button>
        <Button className="button" onPress={clear} isDisabled={!canClear}>
          Clear key
        </Button>
        <Button className="button" onPress={test}>
          Test key
        </Button>
      </div>
      <p
        className={message?.tone === 'error' ? 'form-message is-error' : 'form-message'}
        role="status"
        data-testid="key-message"
      >
        {message?.text}
      </p>
    </form>
  );
}
