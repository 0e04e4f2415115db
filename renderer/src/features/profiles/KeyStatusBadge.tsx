import type { KeyStatus } from '@shared/contracts/profiles';
import { keyStatusLabel, keyStatusTone } from './keyStatus';

/** Where the key comes from; a stored key that cannot be used says why. */
export function KeyStatusBadge({ status, testId }: { status: KeyStatus; testId?: string }) {
  return (
    <>
      <span className={`badge key-badge tone-${keyStatusTone(status)}`} data-testid={testId}>
        {keyStatusLabel(status)}
      </span>
      {status.problem ? <span className="key-problem field-warning">{status.problem}</span> : null}
    </>
  );
}
