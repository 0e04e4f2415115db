import { describe, expect, it } from 'vitest';
import type { ParamsValidation } from '@shared/completions/validateParams';
import type { CompletionParams } from '@shared/contracts/params';
import { initialParamsForm } from './formState';
import { messagesFor, unplacedIssues, validateForm, visibleIssues } from './formValidation';

const valid =
  (warnings = [{ field: 'logprobs', message: 'Above 5' }]) =>
  (input: unknown): ParamsValidation => ({ ok: true, params: input as CompletionParams, warnings });

describe('validateForm', () => {
  const form = { ...initialParamsForm, model: 'a/b', prompt: 'x' };

  it('returns the params with warnings when everything is valid', () => {
    const result = validateForm(form, valid());
    expect(result.params).toMatchObject({ model: 'a/b', prompt: 'x' });
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([{ field: 'logprobs', message: 'Above 5' }]);
  });

  it('blocks on the form’s own issues even when the validator passes what it got', () => {
    const result = validateForm({ ...form, numbers: { ...form.numbers, n: 'two' } }, valid([]));
    expect(result.params).toBeNull();
    expect(result.issues).toEqual([{ field: 'n', message: 'Enter a number' }]);
  });

  it('combines the form’s issues with the validator’s', () => {
    const invalid = (): ParamsValidation => ({
      ok: false,
      issues: [{ field: 'temperature', message: 'Must be between 0 and 2' }],
      warnings: [],
    });
    const result = validateForm({ ...form, numbers: { ...form.numbers, seed: '?' } }, invalid);
    expect(result.issues.map((issue) => issue.field)).toEqual(['seed', 'temperature']);
  });
});

describe('messagesFor', () => {
  const issues = [
    { field: 'stop.2', message: 'A stop sequence cannot be empty' },
    { field: 'stop', message: 'At most 4 stop sequences' },
    { field: 'logit_bias.abc', message: 'Token ids are whole numbers' },
    { field: 'stream_options.include_usage', message: 'Only with stream' },
    { field: 'stop', message: 'At most 4 stop sequences' },
    { field: 'top_p', message: 'Must be between 0 and 1' },
  ];
  it('collects a field’s issues, including its parts, without duplicates', () => {
    expect(messagesFor(issues, 'stop')).toEqual([
      'Stop sequence 3: A stop sequence cannot be empty',
      'At most 4 stop sequences',
    ]);
    expect(messagesFor(issues, 'logit_bias')).toEqual(['Token abc: Token ids are whole numbers']);
    expect(messagesFor(issues, 'stream_options')).toEqual(['Only with stream']);
    expect(messagesFor(issues, 'top')).toEqual([]);
  });
  it('finds issues no control shows', () => {
    expect(
      unplacedIssues([...issues, { field: '', message: 'Bad' }, { field: 'foo', message: 'x' }]),
    ).toEqual([
      { field: '', message: 'Bad' },
      { field: 'foo', message: 'x' },
    ]);
  });
});

describe('visibleIssues', () => {
  const issues = [
    { field: 'model', message: 'Choose or type a model' },
    { field: 'n', message: 'Must be 1 or more' },
  ];
  it('holds back the empty-model issue until a run was attempted', () => {
    expect(visibleIssues(issues, initialParamsForm, false)).toEqual([issues[1]]);
    expect(visibleIssues(issues, initialParamsForm, true)).toEqual(issues);
    expect(visibleIssues(issues, { ...initialParamsForm, model: 'bad' }, false)).toEqual(issues);
  });
});
