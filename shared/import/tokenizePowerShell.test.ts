import { describe, expect, it } from 'vitest';
import { psQuote } from '../export/shellQuote';
import { HOSTILE_TEXT } from '../export/testing/exportFixtures';
import { psArguments } from '../export/testing/windowsShellModels';
import { splitStatements, tokenizePowerShell } from './tokenizePowerShell';

describe('tokenizePowerShell', () => {
  it("reads backtick continuations, '' escapes, backtick escapes and keeps $env:VAR", () => {
    const text = [
      'curl.exe https://api.openai.com/v1/completions `',
      `  -H "Authorization: Bearer $env:OPENAI_API_KEY" \``,
      `  -H 'x-note: it''s' \``,
      '  -d "{`"model`": `"m`", `"tab`": `"a`tb`"}"',
    ].join('\n');
    expect(tokenizePowerShell(text).commands).toEqual([
      [
        'curl.exe',
        'https://api.openai.com/v1/completions',
        '-H',
        'Authorization: Bearer $env:OPENAI_API_KEY',
        '-H',
        "x-note: it's",
        '-d',
        '{"model": "m", "tab": "a\tb"}',
      ],
    ]);
  });

  it('agrees with the PowerShell model used by the export tests (${env:K} is kept as $env:K)', () => {
    const line = `curl.exe ${psQuote(HOSTILE_TEXT)} "x: \`$HOME \`"q\`" \${env:K}"`;
    expect(tokenizePowerShell(line).commands).toEqual([psArguments(line, { K: '$env:K' })]);
  });

  it('follows a here-string body written with Set-Content into the file curl posts', () => {
    const text = [
      "$body = @'",
      '{"model": "openai/gpt-4o-mini",',
      ' "prompt": "it\'s $HOME"}',
      "'@",
      '$body | Set-Content -Path body.json -NoNewline -Encoding utf8',
      'curl.exe -X POST http://localhost:8080/v1/completions --data-binary "@body.json"',
    ].join('\n');
    const result = tokenizePowerShell(text);
    expect(result.files).toEqual({
      'body.json': '{"model": "openai/gpt-4o-mini",\n "prompt": "it\'s $HOME"}',
    });
    expect(result.commands.at(-1)?.at(-1)).toBe('@body.json');
    expect(result.problems).toEqual([]);
  });

  it('expands a double-quoted here-string and a known variable, and reports Set-Content without -NoNewline', () => {
    const text = [
      "$model = 'm1'",
      '$body = @"',
      '{"model": "$model"}',
      '"@',
      'Set-Content -Path $f -Value $body',
      '$f = New-TemporaryFile',
      'Set-Content $f $body',
      'curl.exe -d "@$($f.FullName)" -d $body',
    ].join('\n');
    const result = tokenizePowerShell(text);
    expect(result.commands.at(-1)).toEqual([
      'curl.exe',
      '-d',
      '@<temporary file $f>',
      '-d',
      '{"model": "m1"}',
    ]);
    expect(result.files?.['<temporary file $f>']).toBe('{"model": "m1"}');
    expect(result.problems.some((problem) => problem.includes('$f is not set'))).toBe(true);
    expect(result.problems.some((problem) => problem.includes('-NoNewline'))).toBe(true);
  });

  it('splits statements at ; and line breaks but not inside strings', () => {
    expect(splitStatements('a \'x;\ny\'; b "c`"d"\n# comment\ntry {')).toEqual([
      "a 'x;\ny'",
      ' b "c`"d"',
      'try {',
    ]);
  });
});
