import { describe, expect, it } from 'vitest';
import { KEY_PLACEHOLDER } from '@shared/completions/buildRequest';
import type { Profile } from '@shared/contracts/profiles';
import { InvalidParamsError, prepareRequest } from './prepareRequest';

const profile = (kind: Profile['kind']): Profile => ({
  id: 'p',
  name: 'P',
  kind,
  baseUrl: 'http://127.0.0.1:8080',
  endpoint: '/v1/completions',
  headers: { 'X-Team': 'blue' },
});

describe('prepareRequest', () => {
  it('sends the real key but previews the placeholder (bifrost: x-bf-vk)', () => {
    const { built, preview } = prepareRequest(
      profile('bifrost'),
      { model: 'openai/x', prompt: 'hi' },
      'sk-bf-secret',
    );
    expect(built.headers['x-bf-vk']).toBe('sk-bf-secret');
    expect(preview.headers['x-bf-vk']).toBe(KEY_PLACEHOLDER);
    expect(preview.headers['X-Team']).toBe('blue');
    expect(JSON.stringify(preview)).not.toContain('sk-bf-secret');
    expect(preview).toMatchObject({
      method: 'POST',
      url: 'http://127.0.0.1:8080/v1/completions',
      body: built.body,
    });
  });

  it('openai kinds: Authorization Bearer placeholder', () => {
    const { built, preview } = prepareRequest(
      profile('openai'),
      { model: 'gpt-3.5-turbo-instruct', prompt: 'hi' },
      'sk-oa',
    );
    expect(built.headers.Authorization).toBe('Bearer sk-oa');
    expect(preview.headers.Authorization).toBe(`Bearer ${KEY_PLACEHOLDER}`);
  });

  it('no key → no credential header', () => {
    const { preview } = prepareRequest(profile('bifrost'), { model: 'openai/x', prompt: 'hi' }, undefined);
    expect(Object.keys(preview.headers).map((h) => h.toLowerCase())).not.toContain('x-bf-vk');
  });

  it('hides a key that also appears elsewhere (e.g. pasted into the prompt)', () => {
    const { preview } = prepareRequest(
      profile('openai'),
      { model: 'm', prompt: 'my key is sk-pasted-1234' },
      'sk-pasted-1234',
    );
    expect(preview.body).toContain(`my key is ${KEY_PLACEHOLDER}`);
  });

  it('carries notes (best_of turns streaming off) and warnings', () => {
    const prepared = prepareRequest(
      profile('openai'),
      { model: 'm', prompt: 'p', stream: true, best_of: 2, logprobs: 6 },
      'k',
    );
    expect(prepared.built.stream).toBe(false);
    expect(prepared.preview.notes.join(' ')).toMatch(/best_of/);
    expect(prepared.warnings.map((w) => w.field)).toContain('logprobs');
  });

  it('refuses invalid params with every issue in the message', () => {
    try {
      prepareRequest(profile('openai'), { model: 'm', prompt: 'p', temperature: 3, n: 3, best_of: 2 }, 'k');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidParamsError);
      expect((error as InvalidParamsError).message).toMatch(/temperature: Must be between 0 and 2.*best_of/);
      expect((error as InvalidParamsError).issues.length).toBe(2);
    }
  });
});
