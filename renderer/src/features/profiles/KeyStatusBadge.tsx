import type { KeyStatus } from '@shared/contracts/profiles';
import { keyStatusLabel, keyStatusTone } from './keyStatus';

export function KeyStatusBadge({ status, testId }: { status: KeyStatus; testId?: string }) {
  return (
    <span className={`badge key-badge tone-${keyStatusTone(status)}`} data-testid={testId}>
      {keyStatusLabel(status)}
    </span>
  );
}
