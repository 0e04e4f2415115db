import { describe, expect, it } from 'vitest';
import { validateParams } from './validateParams';

const base = { model: 'openai/gpt-3.5-turbo-instruct', prompt: 'Hello' };

describe('validateParams', () => {
  it('accepts valid params and returns the parsed values', () => {
    const result = validateParams({ ...base, temperature: 0.7, stop: ['\n'], n: 2, best_of: 3 });
    expect(result).toEqual({
      ok: true,
      params: { ...base, temperature: 0.7, stop: ['\n'], n: 2, best_of: 3 },
      warnings: [],
    });
  });

  it('maps schema issues to API field names, nested paths joined with dots', () => {
    const result = validateParams({ ...base, model: ' ', temperature: 3, stop: ['.', ''], n: 1.5 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual(
      expect.arrayContaining([
        { field: 'model', message: 'Choose or type a model' },
        { field: 'temperature', message: 'Must be between 0 and 2' },
        { field: 'stop.1', message: 'A stop sequence cannot be empty' },
        { field: 'n', message: 'Must be a whole number' },
      ]),
    );
    expect(result.issues).toHaveLength(4);
  });

  it('rejects best_of smaller than n, together with schema issues', () => {
    const result = validateParams({ ...base, n: 3, best_of: 2 });
    expect(result).toEqual({
      ok: false,
      issues: [{ field: 'best_of', message: 'best_of must be at least n' }],
      warnings: [],
    });
    const both = validateParams({ ...base, n: 3, best_of: 2, top_p: 2 });
    expect(both.ok).toBe(false);
    if (!both.ok) expect(both.issues.map((issue) => issue.field).sort()).toEqual(['best_of', 'top_p']);
    expect(validateParams({ ...base, n: 3, best_of: 3 }).ok).toBe(true);
    expect(validateParams({ ...base, best_of: 2 }).ok).toBe(true);
  });

  it('warns about logprobs above 5 without blocking', () => {
    expect(validateParams({ ...base, logprobs: 10 })).toEqual({
      ok: true,
      params: { ...base, logprobs: 10 },
      warnings: [{ field: 'logprobs', message: 'OpenAI accepts at most 5; some providers accept more' }],
    });
    expect(validateParams({ ...base, logprobs: 5 }).warnings).toEqual([]);
  });

  it('warns that best_of > 1 turns streaming off', () => {
    const result = validateParams({
      ...base,
      stream: true,
      best_of: 2,
      stream_options: { include_usage: true },
    });
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      { field: 'stream', message: 'Streaming will be turned off: best_of > 1 cannot be streamed' },
    ]);
    expect(validateParams({ ...base, stream: false, best_of: 2 }).warnings).toEqual([]);
  });

  it('warns that stream_options is dropped when not streaming', () => {
    expect(validateParams({ ...base, stream_options: { include_usage: true } }).warnings).toEqual([
      { field: 'stream_options', message: 'Only sent when streaming: it will be dropped' },
    ]);
    expect(
      validateParams({ ...base, stream: true, stream_options: { include_usage: true } }).warnings,
    ).toEqual([]);
  });

  it('warns about a stop sequence of spaces only, but not about "\\n" or "\\t"', () => {
    expect(validateParams({ ...base, stop: ['\n', '  ', '\t', 'END'] }).warnings).toEqual([
      { field: 'stop.1', message: 'This stop sequence is only whitespace' },
    ]);
  });

  it('warns about echo + logprobs + stream and about max_tokens 0 without echo', () => {
    expect(
      validateParams({ ...base, stream: true, echo: true, logprobs: 1 }).warnings.map((w) => w.field),
    ).toEqual(['echo']);
    expect(validateParams({ ...base, max_tokens: 0 }).warnings.map((w) => w.field)).toEqual(['max_tokens']);
    expect(validateParams({ ...base, max_tokens: 0, echo: true, logprobs: 1 }).warnings).toEqual([]);
  });

  it('reports a non-object input', () => {
    const result = validateParams('nope');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toHaveLength(1);
    const missing = validateParams({});
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.issues.map((issue) => issue.field).sort()).toEqual(['model', 'prompt']);
  });
});
