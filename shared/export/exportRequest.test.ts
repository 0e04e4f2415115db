import { describe, expect, it } from 'vitest';
import { buildCompletionRequest, KEY_PLACEHOLDER } from '../completions/buildRequest';
import { acceptsEventStream, defaultKeyEnvVar, joinParts, prepareExport } from './exportRequest';
import { bifrostProfile, openaiProfile } from './testing/exportFixtures';

const params = { model: 'openai/gpt-3.5-turbo-instruct', prompt: 'Hi', stream: true };
const bifrost = bifrostProfile('http://127.0.0.1:8080', { 'x-bf-cache-key': 'abc' });

function keyHeaderOf(source: ReturnType<typeof buildCompletionRequest>, name: string, keyText: string) {
  const prepared = prepareExport(source, { profileKind: 'bifrost' });
  const header = prepared.headers.find((h) => h.name === name);
  return header ? joinParts(header.parts, keyText) : undefined;
}

describe('prepareExport', () => {
  it('turns the placeholder in the Bifrost key header into a key slot, env var BIFROST_API_KEY', () => {
    const preview = buildCompletionRequest(bifrost, params, KEY_PLACEHOLDER);
    const prepared = prepareExport(preview, { profileKind: 'bifrost' });
    expect(prepared.key).toEqual({ kind: 'env', envVar: 'BIFROST_API_KEY' });
    expect(prepared.headers.find((h) => h.name === 'x-bf-vk')?.parts).toEqual([{ kind: 'key' }]);
    expect(prepared.headers.find((h) => h.name === 'x-bf-cache-key')?.parts).toEqual([
      { kind: 'text', text: 'abc' },
    ]);
  });

  it('keeps `Bearer ` as text for OpenAI-style profiles, env var OPENAI_API_KEY', () => {
    const preview = buildCompletionRequest(openaiProfile('https://api.openai.com'), params, KEY_PLACEHOLDER);
    const prepared = prepareExport(preview, { profileKind: 'openai' });
    expect(prepared.key).toEqual({ kind: 'env', envVar: 'OPENAI_API_KEY' });
    expect(prepared.headers.find((h) => h.name === 'Authorization')?.parts).toEqual([
      { kind: 'text', text: 'Bearer ' },
      { kind: 'key' },
    ]);
    expect(defaultKeyEnvVar('openai-compatible')).toBe('OPENAI_API_KEY');
  });

  it('redacts a real key found in the source even when it is not told which key it is', () => {
    const built = buildCompletionRequest(bifrost, params, 'sk-bf-real-secret');
    expect(keyHeaderOf(built, 'x-bf-vk', '<slot>')).toBe('<slot>');
    const openai = buildCompletionRequest(openaiProfile('https://api.openai.com'), params, 'sk-real');
    const prepared = prepareExport(openai, { profileKind: 'openai' });
    expect(JSON.stringify(prepared)).not.toContain('sk-real');
  });

  it('uses the real key only with includeRealKey', () => {
    const preview = buildCompletionRequest(bifrost, params, KEY_PLACEHOLDER);
    const prepared = prepareExport(preview, { profileKind: 'bifrost', includeRealKey: { key: ' sk-real ' } });
    expect(prepared.key).toEqual({ kind: 'real', value: 'sk-real' });
  });

  it('accepts another variable name and refuses one that is not a name', () => {
    const preview = buildCompletionRequest(bifrost, params, KEY_PLACEHOLDER);
    expect(prepareExport(preview, { profileKind: 'bifrost', keyEnvVar: 'MY_VK' }).key).toEqual({
      kind: 'env',
      envVar: 'MY_VK',
    });
    expect(() => prepareExport(preview, { profileKind: 'bifrost', keyEnvVar: 'X; rm -rf ~' })).toThrow(
      /environment variable/,
    );
    expect(() => prepareExport({ ...preview, method: 'POST & calc' }, { profileKind: 'bifrost' })).toThrow(
      /HTTP method/,
    );
  });

  it('leaves a request without key header without key, and keeps the body untouched', () => {
    const built = buildCompletionRequest(bifrost, params, undefined);
    const prepared = prepareExport(built, { profileKind: 'bifrost' });
    expect(prepared.headers.some((h) => h.parts.some((p) => p.kind === 'key'))).toBe(false);
    expect(prepared.body).toBe(built.body);
  });

  it('takes `stream` from the options, then the source, then the Accept header', () => {
    const preview = buildCompletionRequest(bifrost, params, KEY_PLACEHOLDER);
    const { stream: _ignored, ...withoutStream } = preview;
    expect(prepareExport(withoutStream, { profileKind: 'bifrost' }).stream).toBe(true);
    expect(prepareExport(preview, { profileKind: 'bifrost', stream: false }).stream).toBe(false);
    const batch = buildCompletionRequest(bifrost, { ...params, stream: false }, KEY_PLACEHOLDER);
    expect(acceptsEventStream(batch.headers)).toBe(false);
    expect(prepareExport({ ...batch, stream: undefined }, { profileKind: 'bifrost' }).stream).toBe(false);
  });
});
