import type { ShellFlavour } from './shellTypes';
import { tokenizeCmd } from './tokenizeCmd';
import { tokenizePosix } from './tokenizePosix';
import { tokenizePowerShell } from './tokenizePowerShell';

export type { ShellFlavour } from './shellTypes';

export interface TokenizedCommand {
  shell: ShellFlavour;
  /** curl's argv, `curl` (or `curl.exe`) first; empty when no curl command was found. */
  argv: string[];
  /** Files the pasted text writes itself (PowerShell temp files), by the name `@name` refers to. */
  files: Record<string, string>;
  problems: string[];
}

/**
 * Guesses the shell a command was written for: backtick continuations → PowerShell, `\`
 * continuations → POSIX, `^` continuations → cmd; then `$env:` or PowerShell statements → PowerShell;
 * `^"` or `%VAR%` (outside single quotes) → cmd; `curl.exe` → PowerShell; otherwise POSIX.
 */
export function detectShell(text: string): ShellFlavour {
  if (/`\n/.test(text)) return 'powershell';
  if (/\\\n/.test(text)) return 'posix';
  if (/\^\n/.test(text)) return 'cmd';
  if (/\$env:|\$\{env:|New-TemporaryFile|WriteAllText|Set-Content|Out-File|^\s*\$\w+\s*=/im.test(text)) {
    return 'powershell';
  }
  // Single-quoted text (POSIX) may hold anything; only look for cmd's marks outside it.
  const unquoted = text.replace(/'[^']*'/g, "''");
  if (/\^"|%[A-Za-z_]\w*%/.test(unquoted)) return 'cmd';
  if (/\bcurl\.exe\b/i.test(text)) return 'powershell';
  return 'posix';
}

/**
 * Splits pasted text into the argv of its curl command, as the shell would hand it to curl.
 * Nothing is expanded: `$VAR`, `%VAR%`, `$env:VAR` stay as typed. When the text has several
 * commands, the first curl command is taken and the others are reported.
 */
export function tokenizeShell(text: string, shell?: ShellFlavour): TokenizedCommand {
  const normalized = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const flavour = shell ?? detectShell(normalized);
  const tokenize = flavour === 'posix' ? tokenizePosix : flavour === 'cmd' ? tokenizeCmd : tokenizePowerShell;
  const result = tokenize(flavour === 'posix' ? stripPrompts(normalized) : normalized);
  // `OPENAI_API_KEY=… curl …`: variables set for the command only are not part of curl's argv.
  if (flavour === 'posix') result.commands = result.commands.map(withoutAssignments);
  const problems = [...result.problems];
  const curlIndex = result.commands.findIndex((argv) => isCurl(argv[0]));
  if (curlIndex < 0) {
    problems.push('No curl command was found.');
    return { shell: flavour, argv: [], files: result.files ?? {}, problems };
  }
  const others = result.commands.filter((_argv, index) => index !== curlIndex);
  const ignored = others.filter((argv) => !isHarmless(argv[0]));
  if (ignored.length > 0) {
    problems.push(`Other commands were ignored: ${ignored.map((argv) => argv[0] ?? '').join(', ')}.`);
  }
  return { shell: flavour, argv: result.commands[curlIndex] ?? [], files: result.files ?? {}, problems };
}

function withoutAssignments(argv: string[]): string[] {
  const first = argv.findIndex((word) => !/^[A-Za-z_]\w*=/.test(word));
  return first <= 0 ? argv : argv.slice(first);
}

function isCurl(word: string | undefined): boolean {
  if (word === undefined) return false;
  const base = word.split(/[\\/]/).pop() ?? '';
  return /^curl(?:\.exe)?$/i.test(base);
}

/** Commands that only set things up (variables, cleanup) and are not worth a warning. */
function isHarmless(word: string | undefined): boolean {
  return /^(?:export|set|Remove-Item|echo|rem)$/i.test(word ?? '');
}

/** `$ curl …` copied with its prompt. */
function stripPrompts(text: string): string {
  return text.replace(/^[ \t]*[$%>][ \t]+(?=curl\b)/gm, '');
}
