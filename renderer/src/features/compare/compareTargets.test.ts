import { describe, expect, it } from 'vitest';
import type { CompletionParams } from '@shared/contracts/params';
import {
  directParams,
  gatewayRunParams,
  initialTargets,
  nextTargetId,
  parseOverrides,
} from './compareTargets';

const base: CompletionParams = {
  model: 'openai/gpt-3.5-turbo-instruct',
  prompt: 'Hello',
  max_tokens: 16,
  temperature: 0.7,
  fallbacks: ['anthropic/claude-instant', 'openai/davinci-002'],
};

describe('compare targets', () => {
  it('start as the model and its fallbacks, without duplicates', () => {
    expect(initialTargets({ ...base, fallbacks: [...(base.fallbacks ?? []), base.model] }, 'p1')).toEqual([
      { id: 't0', profileId: 'p1', model: 'openai/gpt-3.5-turbo-instruct', overridesText: '' },
      { id: 't1', profileId: 'p1', model: 'anthropic/claude-instant', overridesText: '' },
      { id: 't2', profileId: 'p1', model: 'openai/davinci-002', overridesText: '' },
    ]);
    expect(nextTargetId(initialTargets(base, 'p1'))).toBe('t3');
  });

  it('a direct column asks its own model, with its overrides and without fallbacks', () => {
    const target = {
      id: 't1',
      profileId: 'p1',
      model: 'openai/davinci-002',
      overridesText: '{"temperature": 0}',
    };
    expect(directParams(base, target)).toEqual({
      model: 'openai/davinci-002',
      prompt: 'Hello',
      max_tokens: 16,
      temperature: 0,
    });
  });

  it('refuses overrides that are not a JSON object of valid request fields, saying why', () => {
    expect(parseOverrides('')).toEqual({ ok: true, value: {} });
    expect(parseOverrides('{temperature: 0}')).toMatchObject({ ok: false, message: /JSON object/ });
    expect(parseOverrides('{"temperature": 5}')).toMatchObject({
      ok: false,
      message: /temperature: Must be between 0 and 2/,
    });
    expect(parseOverrides('{"model": "x/y"}')).toMatchObject({ ok: false });
    const target = { id: 't1', profileId: 'p1', model: 'a/b', overridesText: '{"top_p": 2}' };
    expect(directParams(base, target)).toMatch(/top_p/);
  });

  it('the gateway fallback run sends the form as it is, and only when it has fallbacks', () => {
    expect(gatewayRunParams(base)).toBe(base);
    expect(gatewayRunParams({ ...base, fallbacks: [] })).toBeNull();
  });
});
