import { useState, type KeyboardEvent } from 'react';
import {
  Button,
  FieldError,
  Input,
  Label,
  Tag,
  TagGroup,
  TagList,
  Text,
  TextField,
} from 'react-aria-components';
import { HelpWithWarnings } from '../../../ui/FieldNotes';
import { LabelText } from '../../../ui/LabelText';

/**
 * A list parameter edited as removable tags: type in the entry, Enter (or Add) adds. The entry
 * carries the parameter's label; the tag list is named separately so both stay unambiguous.
 */
export function TagEntryField(props: {
  label: string;
  listLabel: string;
  itemNoun: string;
  values: readonly string[];
  /** Entry text → the value to add, or an error message. */
  toValue: (entry: string) => { value: string } | { error: string } | null;
  display: (value: string) => string;
  tooltip?: (value: string) => string;
  onAdd: (value: string) => void;
  onRemove: (index: number) => void;
  help: string;
  placeholder: string;
  counter?: string;
  emptyText: string;
  errors: readonly string[];
  warnings: readonly string[];
}) {
  const [entry, setEntry] = useState('');
  const [entryError, setEntryError] = useState<string | null>(null);

  const add = () => {
    const result = props.toValue(entry);
    if (result === null) return;
    if ('error' in result) return setEntryError(result.error);
    props.onAdd(result.value);
    setEntry('');
    setEntryError(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    add();
  };
  const errors = entryError ? [entryError, ...props.errors] : props.errors;

  return (
    <div className="param">
      <TextField
        className="tag-entry"
        value={entry}
        onChange={(value) => {
          setEntry(value);
          setEntryError(null);
        }}
        isInvalid={errors.length > 0}
      >
        <div className="param-head">
          <Label className="param-label">
            <LabelText text={props.label} />
          </Label>
          {props.counter ? <span className="param-counter">{props.counter}</span> : null}
        </div>
        <div className="entry-row">
          <Input
            className="input"
            placeholder={props.placeholder}
            autoComplete="off"
            spellCheck={false}
            onKeyDown={onKeyDown}
          />
          <Button className="button button-small" onPress={add} aria-label={`Add ${props.itemNoun}`}>
            Add
          </Button>
        </div>
        <Text slot="description" className="param-help">
          <HelpWithWarnings help={props.help} warnings={props.warnings} />
        </Text>
        <FieldError className="field-error">
          {errors.map((error) => (
            <span key={error}>{error}</span>
          ))}
        </FieldError>
      </TextField>
      <TagGroup
        className="tag-group"
        aria-label={props.listLabel}
        onRemove={(keys) => {
          const indexes = [...keys].map(Number).sort((a, b) => b - a);
          for (const index of indexes) props.onRemove(index);
        }}
      >
        <TagList
          className="tag-list"
          renderEmptyState={() => <span className="tag-empty">{props.emptyText}</span>}
        >
          {props.values.map((value, index) => (
            <Tag key={`${index}:${value}`} id={index} className="tag" textValue={props.display(value)}>
              <span className="tag-text" title={props.tooltip?.(value)}>
                {props.display(value)}
              </span>
              <Button slot="remove" className="tag-remove">
                <span aria-hidden="true">×</span>
              </Button>
            </Tag>
          ))}
        </TagList>
      </TagGroup>
    </div>
  );
}
