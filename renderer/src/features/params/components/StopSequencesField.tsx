import { fieldHelp } from '../paramDocs';
import { MAX_STOP_SEQUENCES, paramsActions, useFieldErrors, useFieldWarnings, useParamsList } from '../store';
import { parseEscapes, quoted, visualizeWhitespace } from '../whitespace';
import { TagEntryField } from './TagEntryField';

export function StopSequencesField() {
  const stop = useParamsList((form) => form.stop);
  const errors = useFieldErrors('stop');
  const warnings = useFieldWarnings('stop');
  const full = stop.length >= MAX_STOP_SEQUENCES;
  return (
    <TagEntryField
      label="Stop sequences (stop)"
      listLabel="Current stop sequences"
      itemNoun="stop sequence"
      values={stop}
      toValue={(entry) => {
        const sequence = parseEscapes(entry);
        if (sequence === '') return null;
        if (stop.includes(sequence))
          return { error: `${visualizeWhitespace(sequence)} is already a stop sequence` };
        if (full) return { error: `At most ${MAX_STOP_SEQUENCES} stop sequences: remove one first` };
        return { value: sequence };
      }}
      display={visualizeWhitespace}
      tooltip={quoted}
      onAdd={paramsActions.stopAdded}
      onRemove={paramsActions.stopRemoved}
      help={fieldHelp.stop}
      placeholder={full ? 'Remove one to add another' : 'e.g. \\n\\n or END'}
      counter={`${stop.length}/${MAX_STOP_SEQUENCES}`}
      emptyText="None: generation runs until max_tokens."
      errors={errors}
      warnings={warnings}
    />
  );
}
