import { describe, expect, it } from 'vitest';
import { readKeyReference } from './keyReference';

describe('readKeyReference', () => {
  it.each([
    ['Authorization', 'Bearer $OPENAI_API_KEY', 'OPENAI_API_KEY'],
    ['Authorization', 'bearer ${OPENAI_API_KEY}', 'OPENAI_API_KEY'],
    ['x-bf-vk', '%BIFROST_API_KEY%', 'BIFROST_API_KEY'],
    ['x-bf-vk', '$env:BIFROST_API_KEY', 'BIFROST_API_KEY'],
    ['api-key', '${env:AZURE_KEY}', 'AZURE_KEY'],
  ])('%s: %s → env %s', (name, value, envVar) => {
    expect(readKeyReference(name, value)).toEqual({ kind: 'env', envVar });
  });

  it('tells literal keys from placeholders', () => {
    expect(readKeyReference('Authorization', 'Bearer sk-abc123')).toEqual({
      kind: 'literal',
      key: 'sk-abc123',
    });
    expect(readKeyReference('x-bf-vk', 'vk-live-1')).toEqual({ kind: 'literal', key: 'vk-live-1' });
    for (const value of ['<key>', 'YOUR_API_KEY', 'your-key-here', '{{token}}', '']) {
      expect(readKeyReference('x-bf-vk', value)).toEqual({ kind: 'placeholder' });
    }
  });

  it('rejects non-Bearer Authorization schemes', () => {
    expect(readKeyReference('Authorization', 'Basic dXNlcjpwYXNz')).toMatchObject({ kind: 'unsupported' });
  });
});
