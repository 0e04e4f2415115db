import { useId, useState } from 'react';
import { Button, FieldError, Input, Label, Switch, Text, TextArea, TextField } from 'react-aria-components';
import { describedBy, ErrorLines, HelpWithWarnings } from '../../../ui/FieldNotes';
import { fieldHelp } from '../paramDocs';
import { paramsActions, useFieldErrors, useFieldWarnings, useParamsField, useParamsList } from '../store';
import { LabelText } from '../../../ui/LabelText';

/** `logit_bias` as rows of token id → bias, or as JSON; switching back from broken JSON keeps it. */
export function LogitBiasField() {
  const mode = useParamsField((form) => form.logitBiasMode);
  const errors = useFieldErrors('logit_bias');
  const warnings = useFieldWarnings('logit_bias');
  const [switchError, setSwitchError] = useState<string | null>(null);
  const allErrors = switchError ? [switchError, ...errors] : errors;

  return (
    <div className="param">
      {mode === 'json' ? (
        <JsonEditor errors={allErrors} warnings={warnings} />
      ) : (
        <Rows errors={allErrors} warnings={warnings} />
      )}
      <div className="param-toolbar">
        {mode === 'rows' ? (
          <Button className="button button-small" onPress={paramsActions.logitBiasRowAdded}>
            Add token bias
          </Button>
        ) : (
          <span />
        )}
        <Switch
          className="switch switch-small"
          isSelected={mode === 'json'}
          onChange={(json) => setSwitchError(paramsActions.logitBiasModeSwitched(json ? 'json' : 'rows'))}
        >
          <span className="switch-track" aria-hidden="true">
            <span className="switch-thumb" />
          </span>
          <span>Edit as JSON</span>
        </Switch>
      </div>
    </div>
  );
}

function Rows({ errors, warnings }: { errors: readonly string[]; warnings: readonly string[] }) {
  const rows = useParamsList((form) => form.logitBiasRows);
  const labelId = useId();
  const helpId = useId();
  const errorId = useId();
  return (
    <>
      <div className="param-head">
        <span id={labelId} className="param-label">
          <LabelText text="Logit bias (logit_bias)" />
        </span>
        <span className="param-counter">{rows.length === 1 ? '1 token' : `${rows.length} tokens`}</span>
      </div>
      <div
        role="group"
        aria-labelledby={labelId}
        aria-describedby={describedBy(helpId, errors.length > 0 && errorId)}
        className="bias-rows"
      >
        {rows.length === 0 ? <p className="tag-empty">No token biases.</p> : null}
        {rows.map((row, index) => (
          <div key={row.id} className="bias-row">
            <TextField
              aria-label={`Token id ${index + 1}`}
              value={row.token}
              onChange={(token) => paramsActions.logitBiasRowEdited(row.id, { token })}
            >
              <Input className="input" inputMode="numeric" placeholder="token id" autoComplete="off" />
            </TextField>
            <span aria-hidden="true" className="bias-arrow">
              →
            </span>
            <TextField
              aria-label={`Bias ${index + 1}`}
              value={row.bias}
              onChange={(bias) => paramsActions.logitBiasRowEdited(row.id, { bias })}
            >
              <Input className="input" inputMode="decimal" placeholder="−100…100" autoComplete="off" />
            </TextField>
            <Button
              className="unset-button"
              aria-label={`Remove row ${index + 1}`}
              onPress={() => paramsActions.logitBiasRowRemoved(row.id)}
            >
              <span aria-hidden="true">×</span>
            </Button>
          </div>
        ))}
      </div>
      <div id={helpId} className="param-help">
        <HelpWithWarnings help={fieldHelp.logit_bias} warnings={warnings} />
      </div>
      <ErrorLines id={errorId} errors={errors} />
    </>
  );
}

function JsonEditor({ errors, warnings }: { errors: readonly string[]; warnings: readonly string[] }) {
  const json = useParamsField((form) => form.logitBiasJson);
  return (
    <TextField value={json} onChange={paramsActions.logitBiasJsonEdited} isInvalid={errors.length > 0}>
      <div className="param-head">
        <Label className="param-label">
          <LabelText text="Logit bias (logit_bias)" />
        </Label>
      </div>
      <TextArea className="input textarea mono" rows={4} spellCheck={false} placeholder='{"50256": -100}' />
      <Text slot="description" className="param-help">
        <HelpWithWarnings help={fieldHelp.logit_bias} warnings={warnings} />
      </Text>
      <FieldError className="field-error">
        {errors.map((error) => (
          <span key={error}>{error}</span>
        ))}
      </FieldError>
    </TextField>
  );
}
