import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import type { ImportPlan, ProfileOption } from './importPlan';

type ReadyPlan = Extract<ImportPlan, { ok: true }>;

interface ImportReviewProps {
  plan: ReadyPlan;
  /** Index of the chosen profile option. */
  choice: number;
  onChoice: (index: number) => void;
  onApply: () => void;
  busy: boolean;
  error: string | null;
}

function optionLabel(option: ProfileOption): string {
  switch (option.kind) {
    case 'existing':
      return `Use the profile “${option.name}” (it sends to this URL)`;
    case 'new':
      return `Create a new profile “${option.profile.name}” (${option.profile.baseUrl}${option.profile.endpoint})`;
    case 'current':
      return `Keep the current profile “${option.name}”`;
  }
}

function optionNotes(option: ProfileOption): string[] {
  if (option.kind === 'existing') return option.notes;
  if (option.kind === 'new') return option.problems;
  return [];
}

/** Value as short text for the lists (long values are cut). */
function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** What the import will do: the profile choice, what is left out and why, and "Fill the form". */
export function ImportReview({ plan, choice, onChoice, onApply, busy, error }: ImportReviewProps) {
  const chosen = plan.profileOptions[choice];
  const blocked = chosen?.kind === 'new' && chosen.problems.length > 0;
  return (
    <div className="import-review">
      <RadioGroup
        className="import-profile-choice"
        value={String(choice)}
        onChange={(value) => onChoice(Number(value))}
      >
        <Label className="param-label">Provider profile</Label>
        {plan.profileOptions.map((option, index) => (
          <div key={optionLabel(option)} className="import-option">
            <Radio value={String(index)} className="radio">
              <span className="radio-dot" aria-hidden="true" />
              {optionLabel(option)}
            </Radio>
            {optionNotes(option).map((note) => (
              <p key={note} className="field-warning import-option-note">
                {note}
              </p>
            ))}
          </div>
        ))}
      </RadioGroup>
      {plan.profileOptions.some((option) => option.kind === 'new') ? (
        <p className="muted">
          A new profile gets no key: set it in Edit profiles (or use the variable it names).
        </p>
      ) : null}
      {plan.unknownFields.length > 0 ? (
        <section aria-label="Unknown fields">
          <h3 className="form-section-title">Not completion fields (not imported)</h3>
          <ul className="import-list" data-testid="import-unknown-fields">
            {plan.unknownFields.map((field) => (
              <li key={field.name}>
                <code>{field.name}</code>: <code>{shortJson(field.value)}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {plan.invalidFields.length > 0 ? (
        <section aria-label="Rejected fields">
          <h3 className="form-section-title">Values the form does not accept (not imported)</h3>
          <ul className="import-list">
            {plan.invalidFields.map((field) => (
              <li key={field.name}>
                <code>{field.name}</code> <code>{shortJson(field.value)}</code>: {field.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {plan.notes.length > 0 || plan.hadLiteralKey ? (
        <section aria-label="Import notes">
          <h3 className="form-section-title">Notes</h3>
          <ul className="import-list" data-testid="import-notes">
            {plan.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
            {plan.hadLiteralKey ? (
              <li>The key in the command is not imported: keys go in the profile’s key field.</li>
            ) : null}
          </ul>
        </section>
      ) : null}
      <div className="button-row">
        <Button className="button button-primary" onPress={onApply} isDisabled={busy || blocked || !chosen}>
          Fill the form
        </Button>
        {error ? (
          <span className="field-error" role="alert">
            {error}
          </span>
        ) : null}
      </div>
    </div>
  );
}
