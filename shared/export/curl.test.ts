import { describe, expect, it } from 'vitest';
import { buildCompletionRequest, KEY_PLACEHOLDER } from '../completions/buildRequest';
import { curlExport, toCurl, type CurlShell } from './curl';
import { CMD_BODY_FILE } from './curlCmd';
import { REAL_KEY_WARNING, type ExportSource } from './exportRequest';
import {
  bifrostProfile,
  HOSTILE_ASCII,
  HOSTILE_HEADER,
  HOSTILE_TEXT,
  hostileParams,
  openaiProfile,
} from './testing/exportFixtures';
import { cmdToCommandLine, msvcrtArgv, psArguments } from './testing/windowsShellModels';

const URL = 'http://127.0.0.1:8080/v1/completions';
const SHELLS: CurlShell[] = ['posix', 'cmd', 'powershell'];
const profile = bifrostProfile('http://127.0.0.1:8080', { 'x-bf-cache-key': HOSTILE_HEADER, 'x-empty': '' });

function preview(prompt: string, stream = true): ExportSource {
  return buildCompletionRequest(profile, hostileParams(prompt, stream), KEY_PLACEHOLDER);
}

/** The curl arguments the app's request should become, with `key` as the key. */
function expectedArgs(source: ExportSource, key: string, keyFirst: boolean): string[] {
  const headers = Object.entries(source.headers).map(([name, value]) => {
    const text = value.replace(KEY_PLACEHOLDER, key);
    return text === '' ? `${name};` : `${name}: ${text}`;
  });
  const keyHeaders = headers.filter((h) => h.startsWith('x-bf-vk'));
  const ordered = keyFirst ? [...keyHeaders, ...headers.filter((h) => !keyHeaders.includes(h))] : headers;
  const flags = source.stream ? ['-sS', '-N'] : ['-sS'];
  return [...flags, '-X', 'POST', source.url, ...ordered.flatMap((h) => ['-H', h])];
}

describe('toCurl (posix)', () => {
  it('writes one option per line with the key from $BIFROST_API_KEY', () => {
    const source = buildCompletionRequest(
      bifrostProfile('http://127.0.0.1:8080'),
      { model: 'a/b', prompt: 'Hi' },
      KEY_PLACEHOLDER,
    );
    expect(toCurl(source, { profileKind: 'bifrost' })).toBe(
      [
        `curl -sS -X POST '${URL}' \\`,
        "  -H 'Content-Type: application/json' \\",
        "  -H 'Accept: application/json' \\",
        '  -H "x-bf-vk: $BIFROST_API_KEY" \\',
        `  --data-binary '{"model":"a/b","prompt":"Hi"}'`,
      ].join('\n'),
    );
  });

  it('adds -N only when the response is streamed', () => {
    expect(toCurl(preview('x', true), { profileKind: 'bifrost' })).toMatch(/^curl -sS -N -X POST/);
    expect(toCurl(preview('x', false), { profileKind: 'bifrost' })).not.toContain('-N');
    for (const shell of SHELLS) {
      expect(toCurl(preview('x', false), { profileKind: 'bifrost', shell })).not.toMatch(/ -N /);
      expect(toCurl(preview('x', true), { profileKind: 'bifrost', shell })).toMatch(/ -N /);
    }
  });

  it('uses "Authorization: Bearer $OPENAI_API_KEY" for OpenAI profiles and honours keyEnvVar', () => {
    const source = buildCompletionRequest(
      openaiProfile('https://api.openai.com'),
      { model: 'm', prompt: 'p' },
      KEY_PLACEHOLDER,
    );
    expect(toCurl(source, { profileKind: 'openai' })).toContain('-H "Authorization: Bearer $OPENAI_API_KEY"');
    expect(toCurl(source, { profileKind: 'openai', shell: 'cmd' })).toContain(
      '-H ^"Authorization: Bearer %OPENAI_API_KEY%^"',
    );
    expect(toCurl(source, { profileKind: 'openai', shell: 'powershell' })).toContain(
      '-H "Authorization: Bearer $env:OPENAI_API_KEY"',
    );
    expect(toCurl(source, { profileKind: 'openai', keyEnvVar: 'MY_TOKEN' })).toContain('Bearer $MY_TOKEN"');
  });

  it('sends an empty header as `Name;`, guards URL globbing and a body starting with @', () => {
    const command = toCurl(
      { method: 'POST', url: 'http://[::1]:8080/v1/completions', headers: { 'x-empty': '' }, body: '@file' },
      { profileKind: 'bifrost' },
    );
    expect(command).toContain("-H 'x-empty;'");
    expect(command).toContain('--globoff');
    expect(command).toContain("--data-raw '@file'");
  });
});

describe('the key', () => {
  const built = buildCompletionRequest(profile, hostileParams('p', true), 'sk-bf-very-secret');
  it.each(SHELLS)('never appears in a %s export unless includeRealKey is given', (shell) => {
    const exported = curlExport(built, { profileKind: 'bifrost', shell });
    expect(exported.command).not.toContain('sk-bf-very-secret');
    expect(exported.notes).not.toContain(REAL_KEY_WARNING);
    const real = curlExport(preview('p'), {
      profileKind: 'bifrost',
      shell,
      includeRealKey: { key: 'sk-bf-very-secret' },
    });
    expect(real.command).toContain('sk-bf-very-secret');
    expect(real.command).not.toMatch(/BIFROST_API_KEY/);
    expect(real.notes).toContain(REAL_KEY_WARNING);
  });
});

describe('toCurl (cmd)', () => {
  const env = { BIFROST_API_KEY: 'sk-test', PATH: 'C:\\Windows', HOME: 'C:\\Users\\me', x: 'X' };

  it('carries a printable-ASCII body inline, every header and the key through cmd and curl.exe', () => {
    const source = preview(HOSTILE_ASCII);
    const exported = curlExport(source, { profileKind: 'bifrost', shell: 'cmd' });
    expect(exported.bodyFile).toBeUndefined();
    expect(exported.command).toContain('-H ^"x-bf-vk: %BIFROST_API_KEY%^"');
    for (const rule of ['resume-after-first', 'resume-after-second'] as const) {
      const argv = msvcrtArgv(cmdToCommandLine(exported.command, env, rule));
      expect(argv).toEqual(['curl', ...expectedArgs(source, 'sk-test', true), '--data-binary', source.body]);
    }
  });

  it('carries a real key typed in as text', () => {
    const source = preview('hi');
    const command = toCurl(source, {
      profileKind: 'bifrost',
      shell: 'cmd',
      includeRealKey: { key: 'sk-%PATH%&x' },
    });
    const argv = msvcrtArgv(cmdToCommandLine(command, env, 'resume-after-second'));
    expect(argv).toContain('x-bf-vk: sk-%PATH%&x');
  });

  it('posts body.json, and gives its content, when the body has non-ASCII text', () => {
    const source = preview(HOSTILE_TEXT);
    const exported = curlExport(source, { profileKind: 'bifrost', shell: 'cmd' });
    expect(exported.bodyFile).toEqual({ name: CMD_BODY_FILE, content: source.body });
    expect(exported.notes.join(' ')).toMatch(/body\.json/);
    const argv = msvcrtArgv(
      cmdToCommandLine(exported.command.split('\n').slice(1).join('\n'), env, 'resume-after-first'),
    );
    expect(argv).toEqual(['curl', ...expectedArgs(source, 'sk-test', true), '--data-binary', '@body.json']);
  });

  it('posts body.json when the command would pass cmd’s 8191-character limit', () => {
    const exported = curlExport(preview('x'.repeat(9000)), { profileKind: 'bifrost', shell: 'cmd' });
    expect(exported.bodyFile?.content).toContain('x'.repeat(9000));
    expect(
      curlExport(preview('x'.repeat(7000)), { profileKind: 'bifrost', shell: 'cmd' }).bodyFile,
    ).toBeUndefined();
  });
});

/** Reads a PowerShell export as PowerShell would: variables, the files written, curl.exe's arguments. */
function runPowerShellModel(script: string, env: Record<string, string>) {
  const lines = script.split('\n');
  const valueOf = (prefix: string): string | undefined => {
    const line = lines.find((l) => l.startsWith(prefix));
    return line === undefined ? undefined : psArguments(line.slice(prefix.length), env)[0];
  };
  const body = valueOf('$body = ');
  const headerLine = lines.find((l) => l.startsWith('$headers = @('));
  const fileHeaders = headerLine
    ? psArguments(
        headerLine.slice('$headers = @('.length, headerLine.indexOf(') -join')).replace(/, /g, ' '),
        env,
      )
    : [];
  const start = lines.findIndex((l) => l.trim().startsWith('curl.exe'));
  const end = lines.findIndex((l) => l.startsWith('} finally'));
  const curlLine = lines
    .slice(start, end)
    .map((l) => l.trim().replace(/ `$/, ''))
    .join(' ');
  const files = { '$bodyFile.FullName': 'C:\\Temp\\tmp1.tmp', '$headerFile.FullName': 'C:\\Temp\\tmp2.tmp' };
  return { body, fileHeaders, args: psArguments(curlLine, env, files) };
}

describe('toCurl (powershell)', () => {
  const env = { BIFROST_API_KEY: 'sk-test', HOME: 'C:\\Users\\me' };

  it('calls curl.exe, continues lines with a backtick and posts the body from a UTF-8 file', () => {
    const source = preview(HOSTILE_TEXT);
    const script = toCurl(source, { profileKind: 'bifrost', shell: 'powershell' });
    expect(script).toMatch(/^\s+curl\.exe -sS -N -X POST/m);
    expect(script).toContain('[System.Text.UTF8Encoding]::new($false)');
    for (const line of script.split('\n')) expect(line).not.toMatch(/`\s+$/);
    const { body, fileHeaders, args } = runPowerShellModel(script, env);
    expect(body).toBe(source.body);
    // The header with a `"` goes through the header file; every other one is an argument.
    expect(fileHeaders).toEqual([`x-bf-cache-key: ${HOSTILE_HEADER}`]);
    const expected = expectedArgs(source, 'sk-test', false);
    const fileHeaderAt = expected.indexOf(`x-bf-cache-key: ${HOSTILE_HEADER}`);
    expected.splice(fileHeaderAt - 1, 2);
    expect(args).toEqual([
      'curl.exe',
      ...expected,
      '-H',
      '@C:\\Temp\\tmp2.tmp',
      '--data-binary',
      '@C:\\Temp\\tmp1.tmp',
    ]);
  });

  it('passes curl.exe no argument containing a double quote (5.1 and 7.3+ would differ)', () => {
    const script = toCurl(preview(HOSTILE_TEXT), { profileKind: 'bifrost', shell: 'powershell' });
    for (const arg of runPowerShellModel(script, env).args) expect(arg).not.toContain('"');
  });

  it('keeps the key as $env:BIFROST_API_KEY, or the real key single-quoted', () => {
    const source = preview('hi');
    expect(toCurl(source, { profileKind: 'bifrost', shell: 'powershell' })).toContain(
      '-H "x-bf-vk: $env:BIFROST_API_KEY"',
    );
    const real = toCurl(source, {
      profileKind: 'bifrost',
      shell: 'powershell',
      includeRealKey: { key: "sk-'x" },
    });
    expect(runPowerShellModel(real, env).args).toContain("x-bf-vk: sk-'x");
  });
});
