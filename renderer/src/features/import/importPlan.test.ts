import { describe, expect, it } from 'vitest';
import type { Profile } from '@shared/contracts/profiles';
import { assembleParams } from '../params/assembleParams';
import { formDifferences, planImport } from './importPlan';

const fake: Profile = {
  id: 'fake',
  name: 'Fake Bifrost',
  kind: 'bifrost',
  baseUrl: 'http://127.0.0.1:9000',
  endpoint: '/v1/completions',
  headers: {},
};
const other: Profile = { ...fake, id: 'other', name: 'Other', baseUrl: 'http://127.0.0.1:9001' };

const docsCurl = `curl -X POST http://localhost:8080/v1/completions -H "Content-Type: application/json" -d '{"model":"openai/gpt-3.5-turbo-instruct","prompt":"Hi","max_tokens":5,"foo":1}'`;

function planned(text: string, profiles: Profile[] = [fake, other], current: string | null = 'other') {
  const plan = planImport(text, profiles, current);
  if (!plan.ok) throw new Error(plan.errors.join('\n'));
  return plan;
}

describe('planImport', () => {
  it('fills a fresh form from a Bifrost docs curl and lists the unknown field', () => {
    const plan = planned(docsCurl);
    expect(assembleParams(plan.form).params).toEqual({
      model: 'openai/gpt-3.5-turbo-instruct',
      prompt: 'Hi',
      max_tokens: 5,
    });
    expect(plan.unknownFields).toEqual([{ name: 'foo', value: 1 }]);
    expect(plan.profileOptions.map((option) => option.kind)).toEqual(['new', 'current']);
    expect(plan.profileOptions[0]).toMatchObject({
      kind: 'new',
      profile: { id: 'localhost-8080', baseUrl: 'http://localhost:8080', kind: 'bifrost' },
      problems: [],
    });
    expect(plan.hadLiteralKey).toBe(false);
  });

  it('offers the profile that sends to the same URL, and not the current one twice', () => {
    const text = `curl -N http://127.0.0.1:9000/v1/completions -H 'x-bf-vk: $BIFROST_API_KEY' --data-binary '{"model":"a/b","prompt":["x","y"],"stream":true,"stream_options":{"include_usage":true}}'`;
    const plan = planned(text, [fake, other], 'fake');
    expect(plan.profileOptions).toEqual([
      { kind: 'existing', profileId: 'fake', name: 'Fake Bifrost', notes: [] },
    ]);
    expect(plan.form.multiPrompt).toBe(true);
    expect(assembleParams(plan.form).params).toEqual({
      model: 'a/b',
      prompt: ['x', 'y'],
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(plan.notes).toEqual([]);
    // A profile reading another variable gets a note.
    const named = planned(text, [{ ...fake, keyEnv: 'TEAM_KEY' }], 'fake');
    expect(named.profileOptions[0]).toMatchObject({
      notes: ['The command reads the key from BIFROST_API_KEY; the profile reads TEAM_KEY.'],
    });
  });

  it('says a literal key was not imported, without carrying it', () => {
    const plan = planned(
      `curl http://127.0.0.1:9000/v1/completions -H 'Authorization: Bearer sk-literal-999' -d '{"model":"a/b","prompt":"x"}'`,
    );
    expect(plan.hadLiteralKey).toBe(true);
    expect(JSON.stringify(plan)).not.toContain('sk-literal-999');
  });

  it('refuses text that is not a curl command, or has no completion fields', () => {
    expect(planImport('   ', [fake], null)).toEqual({ ok: false, errors: ['Paste a curl command first.'] });
    const notCurl = planImport('hello there', [fake], null);
    expect(notCurl.ok).toBe(false);
    if (!notCurl.ok) expect(notCurl.errors).toContain('No curl command was found.');
    const badBody = planImport(`curl http://127.0.0.1:9000/v1/completions -d '{"model":'`, [fake], null);
    expect(badBody.ok).toBe(false);
    if (!badBody.ok) expect(badBody.errors.join(' ')).toMatch(/not JSON/);
  });
});

describe('formDifferences', () => {
  it('lists what the form cannot send as given', () => {
    const plan = planned(
      `curl http://127.0.0.1:9000/v1/completions -d '{"model":"a/b","prompt":"x","echo":false,"stream":false}'`,
    );
    expect(plan.notes).toEqual([
      'echo: false is left out (the form does not send it).',
      'stream: false is left out (the form does not send it).',
    ]);
  });

  it('keeps every digit of the numbers', () => {
    const plan = planned(
      `curl http://127.0.0.1:9000/v1/completions -d '{"model":"a/b","prompt":"x","seed":1234567890123456,"temperature":0.1234567890123456,"max_tokens":1e3}'`,
    );
    expect(plan.notes).toEqual([]);
    expect(assembleParams(plan.form).params).toMatchObject({
      seed: 1234567890123456,
      temperature: 0.1234567890123456,
      max_tokens: 1000,
    });
  });

  it('is empty when the form sends exactly what was imported', () => {
    const plan = planned(docsCurl);
    expect(
      formDifferences({ model: 'openai/gpt-3.5-turbo-instruct', prompt: 'Hi', max_tokens: 5 }, plan.form),
    ).toEqual([]);
    expect(formDifferences({ model: 'openai/gpt-3.5-turbo-instruct', prompt: 'Hi' }, plan.form)).toEqual([
      'The form adds max_tokens: 5.',
    ]);
  });
});
