import { Button, FieldError, Label, Switch, Text, TextArea, TextField } from 'react-aria-components';
import { HelpWithWarnings } from '../../ui/FieldNotes';
import { UnsetButton } from '../../ui/UnsetButton';
import { fieldHelp } from '../params/paramDocs';
import {
  paramsActions,
  useFieldErrors,
  useFieldWarnings,
  useParamsField,
  useParamsList,
} from '../params/store';
import { LabelText } from '../../ui/LabelText';

/** The prompt (one, or several sent as an array) and the suffix. */
export function PromptEditor() {
  const multiPrompt = useParamsField((form) => form.multiPrompt);
  return (
    <section className="prompt-editor" aria-label="Prompt">
      <div className="prompt-toolbar">
        <h2 className="pane-title">
          Prompt <span className="api-name">(prompt)</span>
        </h2>
        <Switch
          className="switch switch-small"
          isSelected={multiPrompt}
          onChange={paramsActions.multiPromptToggled}
        >
          <span className="switch-track" aria-hidden="true">
            <span className="switch-thumb" />
          </span>
          <span>Several prompts</span>
        </Switch>
      </div>
      {multiPrompt ? <PromptList /> : <SinglePrompt />}
      <SuffixField />
    </section>
  );
}

function Errors({ errors }: { errors: readonly string[] }) {
  return (
    <FieldError className="field-error">
      {errors.map((error) => (
        <span key={error}>{error}</span>
      ))}
    </FieldError>
  );
}

function SinglePrompt() {
  const prompt = useParamsField((form) => form.prompt);
  const errors = useFieldErrors('prompt');
  return (
    <TextField
      className="prompt-field"
      value={prompt}
      onChange={paramsActions.promptChanged}
      isInvalid={errors.length > 0}
    >
      <Label className="visually-hidden">Prompt (prompt)</Label>
      <TextArea
        className="input textarea prompt-textarea mono"
        rows={6}
        spellCheck={false}
        placeholder="Write the beginning of a text; the model continues it."
      />
      <Errors errors={errors} />
    </TextField>
  );
}

function PromptList() {
  const prompts = useParamsList((form) => form.prompts);
  const listErrors = useFieldErrors('prompt');
  return (
    <div className="prompt-list">
      {prompts.map((prompt, index) => (
        <TextField
          // Prompts have no identity beyond their position.
          key={index}
          className="prompt-field"
          value={prompt}
          onChange={(text) => paramsActions.promptEdited(index, text)}
        >
          <div className="param-head">
            <Label className="param-label">
              <LabelText text={`Prompt ${index + 1} (prompt)`} />
            </Label>
            <Button
              className="link-button"
              isDisabled={prompts.length === 1}
              onPress={() => paramsActions.promptRemoved(index)}
            >
              {`Remove prompt ${index + 1}`}
            </Button>
          </div>
          <TextArea className="input textarea prompt-textarea mono" rows={3} spellCheck={false} />
        </TextField>
      ))}
      <div className="param-toolbar">
        <Button className="button button-small" onPress={paramsActions.promptAdded}>
          Add prompt
        </Button>
        <span className="param-help">Choices come back prompt by prompt: n per prompt.</span>
      </div>
      {listErrors.length > 0 ? (
        <div className="field-error" role="alert">
          {listErrors.map((error) => (
            <span key={error}>{error}</span>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function SuffixField() {
  const suffix = useParamsField((form) => form.suffix);
  const errors = useFieldErrors('suffix');
  const warnings = useFieldWarnings('suffix');
  return (
    <TextField
      className="param suffix-field"
      value={suffix}
      onChange={paramsActions.suffixChanged}
      isInvalid={errors.length > 0}
    >
      <div className="param-head">
        <Label className="param-label">
          <LabelText text="Suffix (suffix)" />
        </Label>
        <UnsetButton field="suffix" isSet={suffix !== ''} onUnset={() => paramsActions.suffixChanged('')} />
      </div>
      <TextArea className="input textarea mono" rows={1} spellCheck={false} placeholder="not sent" />
      <Text slot="description" className="param-help">
        <HelpWithWarnings help={fieldHelp.suffix} warnings={warnings} />
      </Text>
      <Errors errors={errors} />
    </TextField>
  );
}
