import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  cmdEscape,
  cmdQuote,
  isCmdSafe,
  isPosixDoubleQuoteSafe,
  isPsNativeArgSafe,
  msvcrtQuote,
  posixQuote,
  psDoubleQuotedText,
  psQuote,
} from './shellQuote';
import { HOSTILE_ASCII, HOSTILE_HEADER, HOSTILE_TEXT } from './testing/exportFixtures';
import { cmdToCommandLine, msvcrtArgv, psArguments } from './testing/windowsShellModels';

const SAMPLES = [
  HOSTILE_TEXT,
  HOSTILE_ASCII,
  HOSTILE_HEADER,
  '',
  "'",
  "''",
  '\\',
  '\\\\"',
  'ends with backslash \\',
  '"',
  '%',
  '%%PATH%%',
  '^',
  'a\u2019b \u2018 \u201c \u201d \u201e',
];

function shellAvailable(shell: string): boolean {
  try {
    execFileSync(shell, ['-c', 'true']);
    return true;
  } catch {
    return false;
  }
}

describe('posixQuote', () => {
  it('writes a single quote as close-escape-reopen', () => {
    expect(posixQuote("It's")).toBe(`'It'\\''s'`);
    expect(posixQuote('')).toBe("''");
    expect(posixQuote('$HOME `id` !x \\n')).toBe("'$HOME `id` !x \\n'");
  });

  for (const shell of ['bash', 'sh']) {
    it.skipIf(!shellAvailable(shell))(`is read back unchanged by ${shell}`, () => {
      const script = SAMPLES.map((sample) => `printf '%s\\0' ${posixQuote(sample)}`).join('\n');
      const output = execFileSync(shell, ['-c', script], {
        env: { PATH: process.env.PATH, HOME: '/nowhere' },
      });
      expect(output.toString('utf8').split('\0').slice(0, -1)).toEqual(SAMPLES);
    });
  }

  it('allows only expansion-free text next to $VAR in double quotes', () => {
    expect(isPosixDoubleQuoteSafe('x-bf-vk: ')).toBe(true);
    expect(isPosixDoubleQuoteSafe('Authorization: Bearer ')).toBe(true);
    for (const bad of ['$', '`', '"', '\\', '!']) expect(isPosixDoubleQuoteSafe(`a${bad}b`)).toBe(false);
  });
});

describe('msvcrtQuote', () => {
  it.each(SAMPLES.map((sample) => [sample]))('round-trips %j through the argv parser', (sample) => {
    expect(msvcrtArgv(`curl ${msvcrtQuote(sample)}`)).toEqual(['curl', sample]);
  });

  it('doubles backslashes only before a quote', () => {
    expect(msvcrtQuote('a\\b')).toBe('"a\\b"');
    expect(msvcrtQuote('a\\"b')).toBe('"a\\\\\\"b"');
    expect(msvcrtQuote('a\\')).toBe('"a\\\\"');
  });
});

describe('cmdQuote', () => {
  const env = { PATH: 'C:\\Windows', HOME: 'C:\\Users\\me', a: 'A' };
  const asciiSamples = SAMPLES.filter(isCmdSafe);

  it('carries every printable-ASCII sample through cmd and then the argv parser', () => {
    for (const rule of ['resume-after-first', 'resume-after-second'] as const) {
      for (const sample of asciiSamples) {
        const line = cmdToCommandLine(`curl ${cmdQuote(sample)}`, env, rule);
        expect(msvcrtArgv(line)).toEqual(['curl', sample]);
      }
    }
  });

  it('escapes every cmd special character and whatever follows a %', () => {
    expect(cmdEscape('a&b|c<d>e(f)g^h"i!j')).toBe('a^&b^|c^<d^>e^(f^)g^^h^"i^!j');
    expect(cmdEscape('%PATH%')).toBe('^%^PATH^%');
    expect(cmdEscape('100% "x"')).toBe('100^%^ ^"x^"');
  });

  it('says what cmd cannot carry: line breaks and non-ASCII', () => {
    expect(isCmdSafe(HOSTILE_ASCII)).toBe(true);
    expect(isCmdSafe('a\nb')).toBe(false);
    expect(isCmdSafe('é')).toBe(false);
    expect(isCmdSafe('🙂')).toBe(false);
  });
});

describe('psQuote', () => {
  it.each(SAMPLES.map((sample) => [sample]))('round-trips %j as a single-quoted string', (sample) => {
    expect(psArguments(psQuote(sample), {})).toEqual([sample]);
  });

  it('doubles every kind of single quote, typographic ones included', () => {
    expect(psQuote("It's \u2018a\u2019")).toBe("'It''s \u2018\u2018a\u2019\u2019'");
  });

  it('escapes $ ` and double quotes inside double-quoted text', () => {
    expect(psDoubleQuotedText('a$b`c"d\u201ce')).toBe('a`$b``c`"d`\u201ce');
    expect(psArguments(`"${psDoubleQuotedText('$HOME `x` "q"')}"`, { HOME: 'no' })).toEqual([
      '$HOME `x` "q"',
    ]);
  });

  it('flags native arguments PowerShell 5.1 and 7.3+ pass differently', () => {
    expect(isPsNativeArgSafe('Content-Type: application/json')).toBe(true);
    expect(isPsNativeArgSafe('x: "q"')).toBe(false);
    expect(isPsNativeArgSafe('x: a b\\')).toBe(false);
    expect(isPsNativeArgSafe('')).toBe(false);
  });
});
