import type { ShellCommands } from './shellTypes';

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/**
 * Splits sh/bash/zsh text into commands and their words, as the shell would, without expanding
 * anything: `$VAR`, `${VAR}`, `$(…)` and backticks stay as typed (the key reference is read from them).
 * Handles '…', "…" (with its \ escapes), $'…' (ANSI-C), \ escapes, \-newline continuations and
 * # comments. `;`, `&`, `|`, `<`, `>` and unescaped line breaks end a command.
 */
export function tokenizePosix(text: string): ShellCommands {
  const commands: string[][] = [];
  const problems: string[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;

  const endWord = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };

  while (i < text.length) {
    const char = text[i] ?? '';
    if (char === '\\') {
      const next = text[i + 1];
      if (next === '\n') i += 2;
      else if (next === undefined) i += 1;
      else {
        word += next;
        inWord = true;
        i += 2;
      }
    } else if (char === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) {
        problems.push('A single-quoted string is not closed.');
        word += text.slice(i + 1);
        i = text.length;
      } else {
        word += text.slice(i + 1, end);
        i = end + 1;
      }
      inWord = true;
    } else if (char === '$' && text[i + 1] === "'") {
      const [value, end] = ansiC(text, i + 2, problems);
      word += value;
      inWord = true;
      i = end;
    } else if (char === '"' || (char === '$' && text[i + 1] === '"')) {
      const [value, end] = doubleQuoted(text, char === '$' ? i + 2 : i + 1, problems);
      word += value;
      inWord = true;
      i = end;
    } else if (char === ' ' || char === '\t') {
      endWord();
      i += 1;
    } else if (char === '\n' || char === ';' || char === '&' || char === '|') {
      endCommand();
      i += char === '&' && text[i + 1] === '&' ? 2 : char === '|' && text[i + 1] === '|' ? 2 : 1;
    } else if (char === '<' || char === '>') {
      problems.push(`A redirection (${char}) was ignored.`);
      // `2>` names a file descriptor, not a word.
      if (inWord && /^\d+$/.test(word)) {
        word = '';
        inWord = false;
      }
      endWord();
      i += 1;
      // Skip the redirection's target.
      while (text[i] === ' ' || text[i] === '>' || text[i] === '&') i += 1;
      while (i < text.length && !/[\s;&|]/.test(text[i] ?? '')) i += 1;
    } else if (char === '#' && !inWord) {
      while (i < text.length && text[i] !== '\n') i += 1;
    } else {
      word += char;
      inWord = true;
      i += 1;
    }
  }
  endCommand();
  return { commands, problems };
}

/** "…" from `start` (after the quote): `\` escapes only $ ` " \ and newline; nothing is expanded. */
function doubleQuoted(text: string, start: number, problems: string[]): [string, number] {
  let value = '';
  let i = start;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (char === '"') return [value, i + 1];
    if (char === '\\') {
      const next = text[i + 1] ?? '';
      if (next === '\n') {
        i += 2;
        continue;
      }
      if ('$`"\\'.includes(next) && next !== '') {
        value += next;
        i += 2;
        continue;
      }
    }
    if (char === '`' || (char === '$' && text[i + 1] === '(')) {
      problems.push('A command substitution ($(…) or `…`) was kept as typed, not run.');
    }
    value += char;
    i += 1;
  }
  problems.push('A double-quoted string is not closed.');
  return [value, i];
}

/** $'…' from `start` (after the quote), with C escapes. */
function ansiC(text: string, start: number, problems: string[]): [string, number] {
  let value = '';
  let i = start;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (char === "'") return [value, i + 1];
    if (char !== '\\') {
      value += char;
      i += 1;
      continue;
    }
    const next = text[i + 1] ?? '';
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      value += simple;
      i += 2;
      continue;
    }
    const numeric =
      /^x([0-9A-Fa-f]{1,2})/.exec(text.slice(i + 1)) ??
      /^u([0-9A-Fa-f]{1,4})/.exec(text.slice(i + 1)) ??
      /^U([0-9A-Fa-f]{1,8})/.exec(text.slice(i + 1));
    const octal = /^([0-7]{1,3})/.exec(text.slice(i + 1));
    if (numeric?.[1] !== undefined) {
      value += String.fromCodePoint(parseInt(numeric[1], 16));
      i += 1 + numeric[0].length;
    } else if (octal?.[1] !== undefined) {
      value += String.fromCharCode(parseInt(octal[1], 8));
      i += 1 + octal[0].length;
    } else {
      value += char + next;
      i += 2;
    }
  }
  problems.push("A $'…' string is not closed.");
  return [value, i];
}
