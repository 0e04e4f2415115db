import type { ShellCommands } from './shellTypes';

/**
 * Splits text typed at a Windows cmd prompt into commands and their words, as curl.exe receives them:
 * `^`-newline continuations, cmd's caret phase (outside cmd's own quotes `^x` is `x`, `"` toggles
 * quoting), then the MSVCRT argv rules (`\"` is a quote inside an argument). `%VAR%` is not expanded:
 * it stays as typed (the key reference is read from it). `rem` and `::` lines are skipped; `&`, `|`,
 * `<`, `>` outside quotes end the command (reported).
 */
export function tokenizeCmd(text: string): ShellCommands {
  const problems: string[] = [];
  const commandLines: string[] = [];
  let current = '';
  let inQuotes = false;
  let stopped = false;
  const lines = text.split('\n');
  for (const rawLine of lines) {
    const line = rawLine;
    if (current === '' && /^\s*(?:rem(?:\s|$)|::|@?echo\s+off\s*$)/i.test(line)) continue;
    let continued = false;
    for (let i = 0; i < line.length; i += 1) {
      const char = line[i] ?? '';
      if (stopped) break;
      if (inQuotes) {
        if (char === '"') inQuotes = false;
        current += char;
      } else if (char === '^') {
        if (i === line.length - 1) {
          continued = true;
          break;
        }
        i += 1;
        current += line[i] ?? '';
      } else if (char === '"') {
        inQuotes = true;
        current += char;
      } else if ('&|<>'.includes(char)) {
        problems.push(`cmd reads an unquoted ${char} as an operator: what follows it was ignored.`);
        stopped = true;
      } else current += char;
    }
    if (continued) continue;
    // A line break ends the command (cmd quotes end with the line too).
    inQuotes = false;
    stopped = false;
    if (current.trim() !== '') commandLines.push(current);
    current = '';
  }
  if (current.trim() !== '') commandLines.push(current);
  return { commands: commandLines.map(msvcrtSplit), problems };
}

/** CommandLineToArgvW / MSVCRT rules: 2n backslashes + `"` → n backslashes and a quote toggle. */
export function msvcrtSplit(commandLine: string): string[] {
  const args: string[] = [];
  let i = 0;
  const n = commandLine.length;
  while (i < n) {
    while (i < n && (commandLine[i] === ' ' || commandLine[i] === '\t')) i += 1;
    if (i >= n) break;
    let arg = '';
    let inQuotes = false;
    while (i < n) {
      let backslashes = 0;
      while (commandLine[i] === '\\') {
        backslashes += 1;
        i += 1;
      }
      const char = commandLine[i];
      if (char === '"') {
        arg += '\\'.repeat(Math.floor(backslashes / 2));
        if (backslashes % 2 === 1) arg += '"';
        else if (inQuotes && commandLine[i + 1] === '"') {
          arg += '"';
          i += 1;
        } else inQuotes = !inQuotes;
        i += 1;
        continue;
      }
      arg += '\\'.repeat(backslashes);
      if (char === undefined || ((char === ' ' || char === '\t') && !inQuotes)) break;
      arg += char;
      i += 1;
    }
    args.push(arg);
  }
  return args;
}
