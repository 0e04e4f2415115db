import { useId } from 'react';
import { Button, Input, TextField } from 'react-aria-components';
import { newHeaderRow, type DraftIssues, type HeaderRow } from './profileDraft';

/** Extra request headers as name/value rows (credentials are refused: they go in the key store). */
export function HeaderRows(props: {
  rows: HeaderRow[];
  issues: DraftIssues;
  onChange: (rows: HeaderRow[]) => void;
}) {
  const update = (id: string, patch: Partial<HeaderRow>) =>
    props.onChange(props.rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  const errorIdBase = useId();
  return (
    <fieldset className="header-rows">
      <legend className="param-label">Extra headers</legend>
      {props.rows.length === 0 ? (
        <p className="param-help">None. Keys do not go here: use the key field.</p>
      ) : null}
      {props.rows.map((row, index) => {
        const errors = props.issues[`header:${row.id}`] ?? [];
        return (
          <div key={row.id} className="header-row-wrap">
            <div className="header-row">
              <TextField
                aria-label={`Header name ${index + 1}`}
                aria-describedby={errors.length > 0 ? `${errorIdBase}-${row.id}` : undefined}
                value={row.name}
                onChange={(name) => update(row.id, { name })}
                isInvalid={errors.length > 0}
              >
                <Input
                  className="input mono"
                  placeholder="x-header-name"
                  autoComplete="off"
                  spellCheck={false}
                />
              </TextField>
              <TextField
                aria-label={`Header value ${index + 1}`}
                value={row.value}
                onChange={(value) => update(row.id, { value })}
              >
                <Input className="input mono" placeholder="value" autoComplete="off" spellCheck={false} />
              </TextField>
              <Button
                className="unset-button"
                aria-label={`Remove header ${index + 1}`}
                onPress={() => props.onChange(props.rows.filter((other) => other.id !== row.id))}
              >
                <span aria-hidden="true">×</span>
              </Button>
            </div>
            {errors.length > 0 ? (
              <p id={`${errorIdBase}-${row.id}`} className="field-error">
                {errors.join(' ')}
              </p>
            ) : null}
          </div>
        );
      })}
      <Button className="button button-small" onPress={() => props.onChange([...props.rows, newHeaderRow()])}>
        Add header
      </Button>
    </fieldset>
  );
}
