import { PS_DOUBLE_QUOTES, PS_SINGLE_QUOTES, psWords, type PsValue, type PsWord } from './powershellWords';
import type { ShellCommands } from './shellTypes';

const WRITE_ALL_TEXT =
  /\[(?:System\.)?IO\.File\]::WriteAll(?:Text|Bytes)\(\s*([^,]+?)\s*,\s*([^,)]+?)\s*[,)]/i;
const FILE_WRITERS = /^(?:Set-Content|Add-Content|Out-File)$/i;
const BLOCK_WORDS = new Set(['try', 'finally', '{', '}', '&']);

/**
 * Reads a PowerShell script the way it would run, far enough to find curl's arguments: `$x = …`
 * assignments of strings, here-strings and `@(…) -join "…"`, temporary files (New-TemporaryFile)
 * written with [IO.File]::WriteAllText or Set-Content / Out-File, and commands split into words
 * (backtick continuations, '…' with '' escapes, "…" with backtick escapes). `$env:VAR` stays as typed.
 * Files the script writes are returned in `files`, under the name curl's `@file` arguments get.
 */
export function tokenizePowerShell(text: string): ShellCommands {
  const problems: string[] = [];
  const vars = new Map<string, PsValue>();
  const files: Record<string, string> = {};
  const commands: string[][] = [];

  for (const statement of splitStatements(text)) {
    const assignment = /^\s*\$(\w+)\s*=\s*([\s\S]*)$/.exec(statement);
    if (assignment) {
      const value = evaluateAssignment(assignment[1] ?? '', assignment[2] ?? '', vars, problems);
      if (value) vars.set((assignment[1] ?? '').toLowerCase(), value);
      else problems.push(`Could not read the value of $${assignment[1] ?? ''}.`);
      continue;
    }
    const writeAll = WRITE_ALL_TEXT.exec(statement);
    if (writeAll) {
      const path = psWords(writeAll[1] ?? '', vars, problems)[0]?.value;
      const content = psWords(writeAll[2] ?? '', vars, problems)[0]?.value;
      if (path !== undefined && content !== undefined) files[path] = content;
      continue;
    }
    const words = stripBlockWords(psWords(statement, vars, problems));
    if (words.length === 0) continue;
    const pipe = words.findIndex((word) => word.raw === '|');
    const writer = pipe >= 0 ? words[pipe + 1] : words[0];
    if (writer && FILE_WRITERS.test(writer.value)) {
      const input = pipe >= 0 ? words.slice(0, pipe) : [];
      recordFileWrite(input, words.slice(pipe + 2), files, problems);
      continue;
    }
    commands.push((pipe >= 0 ? words.slice(0, pipe) : words).map((word) => word.value));
  }
  return { commands, problems, files };
}

function stripBlockWords(words: PsWord[]): PsWord[] {
  let start = 0;
  let end = words.length;
  while (start < end && BLOCK_WORDS.has(words[start]?.raw.toLowerCase() ?? '')) start += 1;
  while (end > start && words[end - 1]?.raw === '}') end -= 1;
  return words.slice(start, end);
}

function evaluateAssignment(
  name: string,
  rhs: string,
  vars: Map<string, PsValue>,
  problems: string[],
): PsValue | null {
  const trimmed = rhs.trim();
  if (/^New-TemporaryFile\b|::GetTempFileName\(\)/i.test(trimmed)) {
    return { kind: 'file', path: `<temporary file $${name}>` };
  }
  const joined = /^@\(([\s\S]*)\)\s*-join\s*([\s\S]+)$/i.exec(trimmed);
  if (joined) {
    const items = psWords(joined[1] ?? '', vars, problems, true).filter((word) => word.raw !== ',');
    const separator = psWords(joined[2] ?? '', vars, problems)[0]?.value ?? '';
    return { kind: 'string', value: items.map((item) => item.value).join(separator) };
  }
  const words = psWords(trimmed, vars, problems);
  const only = words[0];
  if (words.length !== 1 || !only) return null;
  if (only.raw.startsWith('$')) {
    const source = vars.get(only.raw.slice(1).toLowerCase());
    if (source) return source;
  }
  return { kind: 'string', value: only.value };
}

/** `$body | Set-Content -Path $f -NoNewline`, `Set-Content -Path body.json -Value $body`, … */
function recordFileWrite(
  input: PsWord[],
  args: PsWord[],
  files: Record<string, string>,
  problems: string[],
): void {
  let path: string | undefined;
  let content: string | undefined = input.length === 1 ? input[0]?.value : undefined;
  let noNewline = false;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const word = args[i];
    if (!word) continue;
    const param = word.raw.toLowerCase();
    if (/^-(?:path|literalpath|filepath)$/.test(param)) path = args[(i += 1)]?.value;
    else if (/^-(?:value|inputobject)$/.test(param)) content = args[(i += 1)]?.value;
    else if (param === '-nonewline') noNewline = true;
    else if (param === '-encoding') i += 1;
    else if (param.startsWith('-')) continue;
    else positional.push(word.value);
  }
  path ??= positional.shift();
  content ??= positional.shift();
  if (path === undefined || content === undefined) {
    problems.push('A file write (Set-Content / Out-File) could not be read: its file is unknown.');
    return;
  }
  if (!noNewline) {
    problems.push(
      'The file is written without -NoNewline, so it also ends with a line break (left out here).',
    );
  }
  files[path] = content;
}

/**
 * Statements of a script: split at `;` and line breaks outside strings; backtick-newline joins
 * lines; here-strings and quoted strings may span lines; `#` comments are dropped.
 */
export function splitStatements(text: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  const push = (): void => {
    if (current.trim() !== '') statements.push(current);
    current = '';
  };
  while (i < text.length) {
    const char = text[i] ?? '';
    const atWordStart = current === '' || /\s$/.test(current);
    if (char === '`') {
      if (text[i + 1] === '\n') i += 2;
      else {
        current += char + (text[i + 1] ?? '');
        i += 2;
      }
    } else if (char === '@' && /^@['"][ \t]*\n/.test(text.slice(i))) {
      const quote = text[i + 1] ?? '';
      const close = text.indexOf(`\n${quote}@`, i + 2);
      const end = close < 0 ? text.length : close + 3;
      current += text.slice(i, end);
      i = end;
    } else if (PS_SINGLE_QUOTES.includes(char) || PS_DOUBLE_QUOTES.includes(char)) {
      const end = quotedEnd(text, i);
      current += text.slice(i, end);
      i = end;
    } else if (char === '\n' || char === ';') {
      push();
      i += 1;
    } else if (char === '#' && atWordStart) {
      while (i < text.length && text[i] !== '\n') i += 1;
    } else {
      current += char;
      i += 1;
    }
  }
  push();
  return statements;
}

/** Index just after the quoted string starting at `start`. */
function quotedEnd(text: string, start: number): number {
  const single = PS_SINGLE_QUOTES.includes(text[start] ?? '');
  const quotes = single ? PS_SINGLE_QUOTES : PS_DOUBLE_QUOTES;
  let i = start + 1;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (!single && char === '`') i += 2;
    else if (quotes.includes(char)) {
      if (quotes.includes(text[i + 1] ?? 'x')) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return text.length;
}
