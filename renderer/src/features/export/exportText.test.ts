import { describe, expect, it } from 'vitest';
import { KEY_PLACEHOLDER } from '@shared/completions/buildRequest';
import { REAL_KEY_WARNING, type ExportSource } from '@shared/export/exportRequest';
import { curlTargetOf, exportProfileFor, renderExport, sourceFromPreview } from './exportText';

const source: ExportSource = sourceFromPreview({
  method: 'POST',
  url: 'http://127.0.0.1:8080/v1/completions',
  headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', 'x-bf-vk': KEY_PLACEHOLDER },
  body: '{"model":"openai/m","prompt":"it\'s","stream":true}',
  notes: ['dropped'],
});

function text(result: ReturnType<typeof renderExport>): string {
  if (!result.ok) throw new Error(result.message);
  return result.result.text;
}

describe('renderExport', () => {
  it('reads the key from the kind’s variable by default, with the placeholder gone', () => {
    const curl = text(renderExport('curl-posix', source, { kind: 'bifrost' }));
    expect(curl).toContain('x-bf-vk: $BIFROST_API_KEY');
    expect(curl).not.toContain(KEY_PLACEHOLDER);
    expect(curl).toMatch(/^curl -sS -N -X POST /);
  });

  it('uses the variable the profile names', () => {
    const profile = { kind: 'bifrost' as const, keyEnv: 'TEAM_BIFROST_KEY' };
    expect(text(renderExport('curl-posix', source, profile))).toContain('$TEAM_BIFROST_KEY');
    expect(text(renderExport('curl-cmd', source, profile))).toContain('%TEAM_BIFROST_KEY%');
    expect(text(renderExport('curl-powershell', source, profile))).toContain('$env:TEAM_BIFROST_KEY');
  });

  it('puts the real key in only when given, and says so', () => {
    const plain = renderExport('fetch', source, { kind: 'bifrost' });
    const real = renderExport('fetch', source, { kind: 'bifrost' }, 'sk-real-123');
    if (!plain.ok || !real.ok) throw new Error('export failed');
    expect(plain.result.text).not.toContain('sk-real-123');
    expect(plain.result.notes).toEqual([]);
    expect(real.result.text).toContain('sk-real-123');
    expect(real.result.notes).toContain(REAL_KEY_WARNING);
  });

  it('reports a request it cannot export instead of throwing', () => {
    const result = renderExport('curl-posix', { ...source, method: 'PO ST' }, { kind: 'bifrost' });
    expect(result).toEqual({ ok: false, message: 'Not an HTTP method: PO ST' });
  });

  it('has a target for every curl shell', () => {
    expect(Object.values(curlTargetOf)).toEqual(['curl-posix', 'curl-cmd', 'curl-powershell']);
  });
});

describe('exportProfileFor', () => {
  it('prefers the profile, else guesses Bifrost from its key header', () => {
    expect(exportProfileFor({ kind: 'openai', keyEnv: 'X_KEY' }, source)).toEqual({
      kind: 'openai',
      keyEnv: 'X_KEY',
    });
    expect(exportProfileFor(null, source)).toEqual({ kind: 'bifrost' });
    expect(exportProfileFor(undefined, { ...source, headers: { Authorization: 'Bearer <key>' } })).toEqual({
      kind: 'openai-compatible',
    });
  });
});

describe('sourceFromPreview', () => {
  it('keeps method, URL, headers and body exactly, and leaves the notes out', () => {
    expect(source).toEqual({
      method: 'POST',
      url: 'http://127.0.0.1:8080/v1/completions',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'text/event-stream',
        'x-bf-vk': KEY_PLACEHOLDER,
      },
      body: '{"model":"openai/m","prompt":"it\'s","stream":true}',
    });
  });
});
