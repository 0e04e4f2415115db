import { describe, expect, it } from 'vitest';
import { buildCompletionRequest, KEY_PLACEHOLDER } from '../completions/buildRequest';
import { EXPORT_TARGETS, exportAs, PYTHON_OPENAI_NOTE } from './exportAs';
import { REAL_KEY_WARNING } from './exportRequest';
import { bifrostProfile, HOSTILE_TEXT, hostileParams } from './testing/exportFixtures';

const source = buildCompletionRequest(
  bifrostProfile('http://127.0.0.1:8080'),
  hostileParams(HOSTILE_TEXT, true),
  KEY_PLACEHOLDER,
);

describe('exportAs', () => {
  it.each(EXPORT_TARGETS.map(({ target }) => [target]))(
    '%s: no key by default, the real key with its warning only when asked',
    (target) => {
      const plain = exportAs(target, source, { profileKind: 'bifrost' });
      expect(plain.text).not.toContain('sk-secret-1');
      expect(plain.notes).not.toContain(REAL_KEY_WARNING);
      const real = exportAs(target, source, {
        profileKind: 'bifrost',
        includeRealKey: { key: 'sk-secret-1' },
      });
      if (target === 'json') {
        expect(real.text).toBe(source.body);
      } else {
        expect(real.text).toContain('sk-secret-1');
        expect(real.notes).toContain(REAL_KEY_WARNING);
      }
    },
  );

  it('passes on the cmd body file and the SDK caveat', () => {
    const cmd = exportAs('curl-cmd', source, { profileKind: 'bifrost' });
    expect(cmd.bodyFile?.content).toBe(source.body);
    expect(exportAs('python-openai', source, { profileKind: 'bifrost' }).notes).toContain(PYTHON_OPENAI_NOTE);
    expect(exportAs('curl-posix', source, { profileKind: 'bifrost' }).bodyFile).toBeUndefined();
  });
});
