import type { KeyStatus } from '@shared/contracts/profiles';

/** Where the profile's key comes from, in the words the UI shows. */
export function keyStatusLabel(status: KeyStatus): string {
  switch (status.source) {
    case 'stored':
      return 'Stored encrypted';
    case 'session':
      return 'Session only';
    case 'env':
      return status.envVar ? `From $${status.envVar}` : 'From the environment';
    case 'none':
      return 'No key';
    case 'engine':
      return 'Built-in engine token';
  }
}

export type KeyTone = 'ok' | 'warn' | 'none';

export function keyStatusTone(status: KeyStatus): KeyTone {
  if (status.problem) return 'warn';
  if (!status.configured || status.source === 'none') return 'none';
  return status.source === 'session' ? 'warn' : 'ok';
}
