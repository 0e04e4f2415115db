import { msvcrtSplit } from '../../import/tokenizeCmd';
/**
 * Test support: models of how Windows hands a typed command to curl.exe, to check the cmd and
 * PowerShell exports without Windows. They follow the documented rules (cmd's phases as measured
 * by dbenham/jeb on Stack Overflow #4094699, MSVCRT's argv rules, PowerShell's quoting rules), and
 * throw where the real shell would do something other than run curl with literal arguments.
 */

export type PercentRule = 'resume-after-first' | 'resume-after-second';

/**
 * Interactive cmd.exe: `^`-newline continuations, then per physical line the percent phase
 * (command-line mode: an undefined `%name%` is left as typed), then the caret/quote phase.
 * Returns the command line handed to the program.
 */
export function cmdToCommandLine(text: string, env: Record<string, string>, rule: PercentRule): string {
  let out = '';
  let inQuotes = false;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = percentPhase(lines[index] ?? '', env, rule);
    let continued = false;
    for (let i = 0; i < line.length; i += 1) {
      const char = line[i] ?? '';
      if (inQuotes) {
        if (char === '"') inQuotes = false;
        out += char;
      } else if (char === '^') {
        if (i === line.length - 1) {
          continued = true;
          break;
        }
        i += 1;
        out += line[i] ?? '';
      } else if (char === '"') {
        inQuotes = true;
        out += char;
      } else if ('&|<>'.includes(char)) {
        throw new Error(`cmd would treat ${char} as an operator at column ${i} of line ${index + 1}`);
      } else out += char;
    }
    if (!continued && index < lines.length - 1) {
      throw new Error(`line ${index + 1} ends the command (no ^ continuation outside quotes)`);
    }
  }
  return out;
}

function percentPhase(line: string, env: Record<string, string>, rule: PercentRule): string {
  const lookup = (name: string): string | undefined => {
    const base = name.split(':')[0] ?? '';
    const match = Object.keys(env).find((key) => key.toLowerCase() === base.toLowerCase());
    if (match === undefined) return undefined;
    if (name.includes(':')) throw new Error(`%${name}% would run a substring/replace on ${match}`);
    return env[match];
  };
  let out = '';
  let i = 0;
  while (i < line.length) {
    const start = line.indexOf('%', i);
    if (start < 0) return out + line.slice(i);
    out += line.slice(i, start);
    const end = line.indexOf('%', start + 1);
    if (end < 0) return out + line.slice(start);
    const value = lookup(line.slice(start + 1, end));
    if (value !== undefined) {
      out += value;
      i = end + 1;
    } else if (rule === 'resume-after-first') {
      out += '%';
      i = start + 1;
    } else {
      out += line.slice(start, end + 1);
      i = end + 1;
    }
  }
  return out;
}

/**
 * MSVCRT / CommandLineToArgvW splitting of a command line (the program name included). One
 * implementation serves the import and these models; windowsShellModels.test.ts holds it to
 * Microsoft's documented examples.
 */
export const msvcrtArgv = msvcrtSplit;

const PS_SINGLE = "'\u2018\u2019\u201a\u201b";
const PS_DOUBLE = '"\u201c\u201d\u201e';

/**
 * PowerShell tokens of a native-command line: single-quoted strings (any kind of single quote,
 * doubled to escape), double-quoted strings (backtick escapes, `$env:X`, `${env:X}`, `$(...)` from
 * `subexpressions`), bare words. Returns the argument values.
 */
export function psArguments(
  line: string,
  env: Record<string, string>,
  subexpressions: Record<string, string> = {},
): string[] {
  const args: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ') i += 1;
    if (i >= line.length) break;
    let value = '';
    while (i < line.length && line[i] !== ' ') {
      const char = line[i] ?? '';
      if (PS_SINGLE.includes(char)) {
        i += 1;
        for (;;) {
          const c = line[i];
          if (c === undefined) throw new Error('unterminated single-quoted string');
          if (PS_SINGLE.includes(c)) {
            if (!PS_SINGLE.includes(line[i + 1] ?? 'x')) break;
            i += 1;
          }
          value += line[i];
          i += 1;
        }
        i += 1;
      } else if (PS_DOUBLE.includes(char)) {
        i += 1;
        while (!PS_DOUBLE.includes(line[i] ?? '"')) {
          const c = line[i] ?? '';
          if (c === '`') {
            value += line[i + 1] === 'n' ? '\n' : (line[i + 1] ?? '');
            i += 2;
          } else if (c === '$') {
            const match = /^\$(?:env:(\w+)|\{env:(\w+)\}|\(([^)]*)\))/.exec(line.slice(i));
            if (!match) throw new Error(`unmodelled $ in ${line.slice(i, i + 20)}`);
            const name = match[1] ?? match[2];
            const sub = match[3];
            value += name !== undefined ? (env[name] ?? '') : (subexpressions[sub ?? ''] ?? '?');
            i += match[0].length;
          } else {
            value += c;
            i += 1;
          }
        }
        if (i >= line.length) throw new Error('unterminated double-quoted string');
        i += 1;
      } else {
        value += char;
        i += 1;
      }
    }
    args.push(value);
  }
  return args;
}
