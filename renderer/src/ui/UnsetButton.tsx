import { Button } from 'react-aria-components';

/**
 * Clears a field back to unset (not sent). Kept in the layout while hidden so the row never
 * shifts; hidden means not focusable and not announced.
 */
export function UnsetButton({
  field,
  isSet,
  onUnset,
}: {
  field: string;
  isSet: boolean;
  onUnset: () => void;
}) {
  return (
    <Button
      className={isSet ? 'unset-button' : 'unset-button is-hidden'}
      aria-label={`Unset ${field}`}
      aria-hidden={isSet ? undefined : true}
      excludeFromTabOrder={!isSet}
      onPress={onUnset}
    >
      <span aria-hidden="true">×</span>
    </Button>
  );
}
