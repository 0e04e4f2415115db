import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { KeyStatusBadge } from './KeyStatusBadge';
import { ProfilesDialog } from './ProfilesDialog';
import { kindLabels } from './profileDraft';
import { profilesQuery } from './queries';
import { profileChoiceActions } from './store';
import { useSelectedProfile } from './useSelectedProfile';

/**
 * The provider profile in use (a native select: reliable keyboard and test semantics), its key
 * status, and the way into the profile editor.
 */
export function ProfilePicker() {
  const selectId = useId();
  const statusId = useId();
  const { data: profiles, error } = useQuery(profilesQuery());
  const selected = useSelectedProfile();
  return (
    <div className="profile-picker">
      <label className="param-label" htmlFor={selectId}>
        Provider profile
      </label>
      <div className="profile-row">
        <select
          id={selectId}
          className="input select"
          value={selected?.id ?? ''}
          disabled={!profiles || profiles.length === 0}
          aria-describedby={statusId}
          onChange={(event) => profileChoiceActions.profileChosen(event.target.value)}
        >
          {profiles?.length === 0 ? <option value="">No profiles</option> : null}
          {profiles?.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.name}
            </option>
          ))}
        </select>
        <ProfilesDialog />
      </div>
      <div id={statusId} className="profile-meta">
        {selected ? (
          <>
            <span className="muted">{kindLabels[selected.kind]}</span>
            <span className="muted mono truncate" title={selected.baseUrl + selected.endpoint}>
              {selected.baseUrl}
              {selected.endpoint}
            </span>
            <KeyStatusBadge status={selected.keyStatus} testId="key-status" />
          </>
        ) : error ? (
          <span className="field-error">Could not load profiles: {error.message}</span>
        ) : null}
      </div>
    </div>
  );
}
