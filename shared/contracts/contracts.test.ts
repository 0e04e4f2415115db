import { describe, expect, it } from 'vitest';
import { events, isEventName, isRouteName, routes } from './api';
import { completionParamsSchema } from './params';
import { configFileSchema, defaultProfiles, profileSchema } from './profiles';
import { runIdSchema } from './runs';
import { invokeReplySchema, wsClientMessageSchema } from './wire';

const profile = { id: 'p', name: 'P', kind: 'bifrost', baseUrl: 'http://localhost:8080' } as const;

describe('the route and event catalogs', () => {
  it('names routes and events domain.name', () => {
    for (const name of [...Object.keys(routes), ...Object.keys(events)])
      expect(name).toMatch(/^[a-z]+\.[a-z]+$/);
  });

  it('recognises only its own names (no prototype keys)', () => {
    expect(isRouteName('runs.start')).toBe(true);
    expect(isRouteName('toString')).toBe(false);
    expect(isRouteName(42)).toBe(false);
    expect(isEventName('run.batch')).toBe(true);
    expect(isEventName('__proto__')).toBe(false);
  });

  it('has no route that could return a key', () => {
    const outputs = Object.entries(routes).map(([name, route]) => [
      name,
      JSON.stringify(route.output.toJSONSchema()),
    ]);
    for (const [name, schema] of outputs) expect(`${name} ${schema}`).not.toMatch(/"key"\s*:/);
  });
});

describe('profileSchema', () => {
  it('fills defaults and accepts the shipped default profile', () => {
    expect(profileSchema.parse(profile)).toMatchObject({ endpoint: '/v1/completions', headers: {} });
    for (const preset of defaultProfiles) expect(profileSchema.safeParse(preset).success).toBe(true);
  });

  it.each(['Authorization', 'x-bf-vk', 'API-KEY', 'x-api-key', 'Cookie'])(
    'refuses the credential header %s',
    (name) => {
      const result = profileSchema.safeParse({ ...profile, headers: { [name]: 'secret' } });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('Keys go in the key field, not in extra headers');
    },
  );

  it('refuses non-http URLs, bad ids and non-key environment variables', () => {
    expect(profileSchema.safeParse({ ...profile, baseUrl: 'ftp://x' }).success).toBe(false);
    expect(profileSchema.safeParse({ ...profile, baseUrl: 'not a url' }).success).toBe(false);
    expect(profileSchema.safeParse({ ...profile, id: '../etc' }).success).toBe(false);
    expect(profileSchema.safeParse({ ...profile, keyEnv: 'HOME' }).success).toBe(false);
    expect(profileSchema.safeParse({ ...profile, keyEnv: 'MY_GATEWAY_TOKEN' }).success).toBe(true);
  });

  it('parses a config file with no profiles as empty', () => {
    expect(configFileSchema.parse({})).toEqual({ profiles: [] });
  });

  it('accepts a local profile as the issue writes it (no baseUrl), and says what a bad one lacks', () => {
    const local = { id: 'tiny', name: 'Tiny', kind: 'local', modelPath: '/models/tiny.gguf', default: true };
    expect(configFileSchema.parse({ profiles: [local] }).profiles[0]).toMatchObject({
      ...local,
      baseUrl: 'http://127.0.0.1',
      endpoint: '/v1/completions',
    });
    const messages = (input: unknown) =>
      profileSchema
        .safeParse(input)
        .error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(messages({ ...local, modelPath: undefined })).toEqual(['modelPath: Choose the GGUF model file']);
    expect(messages({ ...local, modelPath: 'tiny.gguf' })).toEqual([
      'modelPath: Give the full path of the model file',
    ]);
    expect(messages({ ...local, modelPath: '/models/tiny.bin' })).toEqual([
      'modelPath: The model file is a .gguf file',
    ]);
    expect(messages({ id: 'b', name: 'B', kind: 'bifrost' })).toEqual([
      'baseUrl: Enter an http:// or https:// URL',
    ]);
  });
});

describe('completionParamsSchema', () => {
  const base = { model: 'openai/gpt-3.5-turbo-instruct', prompt: 'Hi' };
  const messageFor = (extra: Record<string, unknown>) =>
    completionParamsSchema.safeParse({ ...base, ...extra }).error?.issues[0]?.message;

  it('accepts a request with every field set', () => {
    const full = {
      ...base,
      prompt: ['a', 'b'],
      suffix: 's',
      max_tokens: 0,
      temperature: 2,
      top_p: 0,
      frequency_penalty: -2,
      presence_penalty: 2,
      n: 2,
      best_of: 3,
      stop: ['\n', 'END', ' ', '###'],
      logprobs: 5,
      echo: true,
      seed: -1,
      user: 'u',
      logit_bias: { '50256': -100, '1': 100 },
      stream: true,
      stream_options: { include_usage: true },
      fallbacks: ['anthropic/claude-2.1'],
    };
    expect(completionParamsSchema.parse(full)).toEqual(full);
  });

  it('says what is wrong with out-of-range values', () => {
    expect(messageFor({ temperature: 2.1 })).toBe('Must be between 0 and 2');
    expect(messageFor({ top_p: -0.1 })).toBe('Must be between 0 and 1');
    expect(messageFor({ presence_penalty: 3 })).toBe('Must be between -2 and 2');
    expect(messageFor({ n: 0 })).toBe('Must be 1 or more');
    expect(messageFor({ max_tokens: 1.5 })).toBe('Must be a whole number');
    expect(messageFor({ stop: ['a', 'b', 'c', 'd', 'e'] })).toBe('At most 4 stop sequences');
    expect(messageFor({ stop: [''] })).toBe('A stop sequence cannot be empty');
    expect(messageFor({ logit_bias: { abc: 1 } })).toBe('Token ids are whole numbers');
    expect(messageFor({ logit_bias: { '1': 101 } })).toBe('Bias must be between -100 and 100');
    expect(messageFor({ fallbacks: ['gpt-4'] })).toBe('Fallbacks are named provider/model');
    expect(messageFor({ model: '  ' })).toBe('Choose or type a model');
    expect(messageFor({ prompt: [] })).toBe('Add at least one prompt');
  });
});

describe('wire envelopes', () => {
  it('run ids are short and safe', () => {
    expect(runIdSchema.safeParse('0b6f4c1e-8d3c-4e7a-9a53-0c1f2d3e4f50').success).toBe(true);
    expect(runIdSchema.safeParse('a'.repeat(65)).success).toBe(false);
    expect(runIdSchema.safeParse('../x').success).toBe(false);
  });

  it('parses replies and client messages, refusing other shapes', () => {
    expect(invokeReplySchema.safeParse({ ok: true, output: 1 }).success).toBe(true);
    expect(invokeReplySchema.safeParse({ ok: false, error: { message: 'no' } }).success).toBe(true);
    expect(invokeReplySchema.safeParse({ ok: false }).success).toBe(false);
    expect(
      wsClientMessageSchema.safeParse({ type: 'invoke', id: 1, name: 'app.info', input: {} }).success,
    ).toBe(true);
    expect(wsClientMessageSchema.safeParse({ type: 'invoke', id: -1, name: 'x' }).success).toBe(false);
  });
});
