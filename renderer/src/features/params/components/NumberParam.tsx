import type { KeyboardEvent, ReactNode } from 'react';
import {
  FieldError,
  Input,
  Label,
  Slider,
  SliderThumb,
  SliderTrack,
  Text,
  TextField,
} from 'react-aria-components';
import { HelpWithWarnings } from '../../../ui/FieldNotes';
import { UnsetButton } from '../../../ui/UnsetButton';
import { formatNumberText, parseNumberText, stepNumberText } from '../numberText';
import { numberParams, type NumberParamName } from '../paramDocs';
import { paramsActions, useFieldErrors, useFieldWarnings, useParamsField } from '../store';
import { LabelText } from '../../../ui/LabelText';

/**
 * A numeric parameter: a text input (empty = unset, placeholder = API default, ↑/↓ step), an
 * optional slider, the range and help as its description, and errors from validateParams.
 */
export function NumberParam({ field, note }: { field: NumberParamName; note?: ReactNode }) {
  const spec = numberParams[field];
  const text = useParamsField((form) => form.numbers[field]);
  const errors = useFieldErrors(field);
  const warnings = useFieldWarnings(field);
  const change = (value: string) => paramsActions.numberChanged(field, value);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    const step = event.shiftKey ? spec.step * 10 : spec.step;
    change(stepNumberText(text, event.key === 'ArrowUp' ? step : -step, spec.start));
  };

  const parsed = parseNumberText(text);
  return (
    <TextField className="param" value={text} onChange={change} isInvalid={errors.length > 0}>
      <div className="param-head">
        <Label className="param-label">
          <LabelText text={spec.label} />
        </Label>
        <Input
          className="input param-input"
          inputMode={spec.integer ? 'numeric' : 'decimal'}
          placeholder={spec.placeholder}
          autoComplete="off"
          spellCheck={false}
          onKeyDown={onKeyDown}
        />
        <UnsetButton field={field} isSet={text !== ''} onUnset={() => change('')} />
      </div>
      {spec.slider ? (
        <Slider
          className={parsed.kind === 'number' ? 'param-slider' : 'param-slider is-unset'}
          aria-label={`${field} slider`}
          minValue={spec.slider.min}
          maxValue={spec.slider.max}
          step={spec.slider.step}
          value={clamp(
            parsed.kind === 'number' ? parsed.value : spec.start,
            spec.slider.min,
            spec.slider.max,
          )}
          onChange={(value) => change(formatNumberText(value))}
        >
          <SliderTrack className="slider-track">
            <SliderThumb className="slider-thumb" />
          </SliderTrack>
        </Slider>
      ) : null}
      <Text slot="description" className="param-help">
        <HelpWithWarnings help={`${spec.range} · ${spec.help}`} warnings={warnings} />
        {note}
      </Text>
      <FieldError className="field-error">
        {errors.map((error) => (
          <span key={error}>{error}</span>
        ))}
      </FieldError>
    </TextField>
  );
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
