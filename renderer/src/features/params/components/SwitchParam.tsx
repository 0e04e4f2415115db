import { useId, type ReactNode } from 'react';
import { Switch } from 'react-aria-components';
import { describedBy, ErrorLines, HelpWithWarnings } from '../../../ui/FieldNotes';
import { LabelText } from '../../../ui/LabelText';

/** A boolean parameter with its description (and errors) wired to the switch. */
export function SwitchParam(props: {
  label: string;
  isSelected: boolean;
  onChange: (value: boolean) => void;
  help: ReactNode;
  note?: ReactNode;
  warnings?: readonly string[];
  errors?: readonly string[];
  isDisabled?: boolean;
}) {
  const helpId = useId();
  const errorId = useId();
  const errors = props.errors ?? [];
  return (
    <div className="param param-switch">
      <Switch
        className="switch"
        isSelected={props.isSelected}
        onChange={props.onChange}
        isDisabled={props.isDisabled}
        aria-describedby={describedBy(helpId, errors.length > 0 && errorId)}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span className="param-label">
          <LabelText text={props.label} />
        </span>
      </Switch>
      <div id={helpId} className="param-help">
        <HelpWithWarnings help={props.help} warnings={props.warnings ?? []} />
        {props.note}
      </div>
      <ErrorLines id={errorId} errors={errors} />
    </div>
  );
}
