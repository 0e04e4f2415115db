import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { HelpWithWarnings } from '../../../ui/FieldNotes';
import { UnsetButton } from '../../../ui/UnsetButton';
import { useFieldErrors, useFieldWarnings } from '../store';
import { LabelText } from '../../../ui/LabelText';

/** A free-text parameter where empty means unset. */
export function TextParam(props: {
  field: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  help: string;
  placeholder: string;
}) {
  const errors = useFieldErrors(props.field);
  const warnings = useFieldWarnings(props.field);
  return (
    <TextField className="param" value={props.value} onChange={props.onChange} isInvalid={errors.length > 0}>
      <div className="param-head">
        <Label className="param-label">
          <LabelText text={props.label} />
        </Label>
        <UnsetButton field={props.field} isSet={props.value !== ''} onUnset={() => props.onChange('')} />
      </div>
      <Input className="input" placeholder={props.placeholder} autoComplete="off" spellCheck={false} />
      <Text slot="description" className="param-help">
        <HelpWithWarnings help={props.help} warnings={warnings} />
      </Text>
      <FieldError className="field-error">
        {errors.map((error) => (
          <span key={error}>{error}</span>
        ))}
      </FieldError>
    </TextField>
  );
}
