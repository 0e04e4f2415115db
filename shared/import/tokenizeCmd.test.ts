import { describe, expect, it } from 'vitest';
import { cmdQuote } from '../export/shellQuote';
import { HOSTILE_ASCII } from '../export/testing/exportFixtures';
import { cmdToCommandLine, msvcrtArgv } from '../export/testing/windowsShellModels';
import { tokenizeCmd } from './tokenizeCmd';

describe('tokenizeCmd', () => {
  it('reads docs-style cmd: ^ continuations, "…" with \\" inside, %VAR% kept', () => {
    const text = [
      'curl https://api.openai.com/v1/completions ^',
      '  -H "Authorization: Bearer %OPENAI_API_KEY%" ^',
      '  -d "{\\"model\\": \\"gpt-3.5-turbo-instruct\\", \\"prompt\\": \\"Say hi\\"}"',
    ].join('\n');
    expect(tokenizeCmd(text).commands).toEqual([
      [
        'curl',
        'https://api.openai.com/v1/completions',
        '-H',
        'Authorization: Bearer %OPENAI_API_KEY%',
        '-d',
        '{"model": "gpt-3.5-turbo-instruct", "prompt": "Say hi"}',
      ],
    ]);
  });

  it('removes ^ escapes outside quotes only, and skips rem lines', () => {
    expect(tokenizeCmd('rem note\ncurl a^&b "x^y" ^"q^"').commands).toEqual([['curl', 'a&b', 'x^y', 'q']]);
  });

  it('reports an unquoted operator and ignores what follows', () => {
    const result = tokenizeCmd('curl x & del y');
    expect(result.commands).toEqual([['curl', 'x']]);
    expect(result.problems[0]).toMatch(/operator/);
  });

  it('agrees with the Windows model used by the export tests on hostile text', () => {
    const text = `curl ${cmdQuote(HOSTILE_ASCII)} ^\n  -H ${cmdQuote('a: "b" \\')}`;
    const model = msvcrtArgv(cmdToCommandLine(text, {}, 'resume-after-second'));
    expect(tokenizeCmd(text).commands).toEqual([model]);
    expect(model[1]).toBe(HOSTILE_ASCII);
  });
});
