import { describe, expect, it } from 'vitest';
import { cmdToCommandLine, msvcrtArgv, psArguments } from './windowsShellModels';

// The models are only as good as their agreement with documented behaviour: check them on the
// examples the documentation itself gives.

describe('msvcrtArgv (Microsoft "Parsing C command-line arguments" examples)', () => {
  it.each([
    ['"abc" d e', ['abc', 'd', 'e']],
    ['a\\\\\\b d"e f"g h', ['a\\\\\\b', 'de fg', 'h']],
    ['a\\\\\\"b c d', ['a\\"b', 'c', 'd']],
    ['a\\\\\\\\"b c" d e', ['a\\\\b c', 'd', 'e']],
    ['a"b"" c d', ['ab" c d']],
  ])('%s', (line, expected) => {
    expect(msvcrtArgv(`prog ${line}`).slice(1)).toEqual(expected);
  });

  it('reads curl FAQ example -d "\\"a\\"" as the 3-byte body "a"', () => {
    expect(msvcrtArgv('curl -v -d "\\"a\\""')).toEqual(['curl', '-v', '-d', '"a"']);
  });
});

describe('cmdToCommandLine', () => {
  const env = { PATH: 'C:\\Windows', KEY: 'secret' };

  it('removes carets outside quotes and keeps them inside', () => {
    expect(cmdToCommandLine('echo a ^& b "x ^ y"', env, 'resume-after-first')).toBe('echo a & b "x ^ y"');
  });

  it('rejects an unescaped operator outside quotes', () => {
    expect(() => cmdToCommandLine('echo a & b', env, 'resume-after-first')).toThrow(/operator/);
  });

  it('expands defined variables and leaves undefined ones as typed (command-line mode)', () => {
    expect(cmdToCommandLine('echo %KEY% %NOPE%', env, 'resume-after-first')).toBe('echo secret %NOPE%');
    expect(cmdToCommandLine('echo %KEY% %NOPE%', env, 'resume-after-second')).toBe('echo secret %NOPE%');
  });

  it('knows that a caret does not stop %PATH% from expanding, but one inside the name does', () => {
    expect(cmdToCommandLine('echo ^%PATH%', env, 'resume-after-first')).toBe('echo C:\\Windows');
    expect(cmdToCommandLine('echo %^PATH%', env, 'resume-after-first')).toBe('echo %PATH%');
  });

  it('joins ^ continuations and refuses a line break inside quotes', () => {
    expect(cmdToCommandLine('a ^\n  b', env, 'resume-after-first')).toBe('a   b');
    expect(() => cmdToCommandLine('a "x ^\n  b"', env, 'resume-after-first')).toThrow(/ends the command/);
  });
});

describe('psArguments', () => {
  it('reads single-quoted strings with doubled quotes, typographic ones included', () => {
    expect(psArguments(`'It''s' 'a\u2019\u2019b' plain`, {})).toEqual(["It's", 'a\u2019b', 'plain']);
  });

  it('expands $env: and subexpressions in double quotes, honouring backtick escapes', () => {
    expect(
      psArguments(
        '"k: $env:KEY" "${env:KEY}x" "@$($f.FullName)" "`$env:KEY"',
        { KEY: 'v' },
        { '$f.FullName': 'C:\\t' },
      ),
    ).toEqual(['k: v', 'vx', '@C:\\t', '$env:KEY']);
  });
});
