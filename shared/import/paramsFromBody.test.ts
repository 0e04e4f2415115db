import { describe, expect, it } from 'vitest';
import { paramsFromBody, STOP_STRING_NOTE } from './paramsFromBody';

describe('paramsFromBody', () => {
  it('keeps every completion param as given, numbers as numbers, prompt string or list', () => {
    const body = JSON.stringify({
      model: 'm',
      prompt: ['a', 'b'],
      max_tokens: 5,
      temperature: 0,
      logit_bias: { '50256': -100 },
      stream: true,
      stream_options: { include_usage: true },
    });
    const result = paramsFromBody(body);
    expect(result.params).toEqual(JSON.parse(body));
    expect(result).toMatchObject({ unknownFields: [], invalidFields: [], notes: [], problems: [] });
  });

  it('turns a string stop into a list, with a note', () => {
    const result = paramsFromBody('{"model":"m","prompt":"p","stop":"\\n"}');
    expect(result.params.stop).toEqual(['\n']);
    expect(result.notes).toEqual([STOP_STRING_NOTE]);
  });

  it('lists unknown fields with their values', () => {
    const result = paramsFromBody('{"model":"m","prompt":"p","top_k":40,"min_p":0.05,"mirostat":2}');
    expect(result.unknownFields).toEqual([
      { name: 'top_k', value: 40 },
      { name: 'min_p', value: 0.05 },
      { name: 'mirostat', value: 2 },
    ]);
    expect(result.params).toEqual({ model: 'm', prompt: 'p' });
  });

  it('reports each invalid field with the form’s message and leaves it out of params', () => {
    const result = paramsFromBody(
      '{"model":"m","prompt":"p","temperature":3,"n":1.5,"max_tokens":"16","stop":["a",""],"fallbacks":["nope"]}',
    );
    expect(result.invalidFields).toEqual([
      { name: 'temperature', value: 3, message: 'Must be between 0 and 2' },
      { name: 'n', value: 1.5, message: 'Must be a whole number' },
      { name: 'max_tokens', value: '16', message: expect.stringMatching(/number/) },
      { name: 'stop', value: ['a', ''], message: 'stop[1]: A stop sequence cannot be empty' },
      { name: 'fallbacks', value: ['nope'], message: 'fallbacks[0]: Fallbacks are named provider/model' },
    ]);
    expect(result.params).toEqual({ model: 'm', prompt: 'p' });
  });

  it('reports a missing model or prompt, a body that is not JSON, and JSON that is not an object', () => {
    expect(paramsFromBody('{"prompt":"p"}').problems).toEqual(['The body has no model.']);
    expect(paramsFromBody('{"model":"m","prompt":[]}').problems).toEqual([]);
    expect(paramsFromBody('{"model":"m","prompt":[]}').invalidFields[0]?.name).toBe('prompt');
    expect(paramsFromBody('model=m').problems[0]).toMatch(/^The body is not JSON/);
    expect(paramsFromBody('[1]').problems).toEqual(['The body is JSON but not an object of fields.']);
  });
});
