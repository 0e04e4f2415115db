/**
 * Quoting primitives for the three shells a curl command is exported to. Each function returns one
 * argument, written so that the shell (and, on Windows, the program's own argument parser) hands
 * the program exactly `value`.
 */

// ---- POSIX shells (sh, bash, zsh) ----

/** `'…'` with `'` written as `'\''`: nothing inside single quotes is special (not `$`, `` ` ``, `!`, `\`). */
export function posixQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Literal text that may sit inside double quotes next to `$VAR` without anything expanding. */
export function isPosixDoubleQuoteSafe(text: string): boolean {
  return /^[A-Za-z0-9 _.,:;/+=@#%~-]*$/.test(text);
}

// ---- Windows: the program's argument parser (MSVCRT rules, used by curl.exe) ----

/**
 * `"…"` for a Windows program's argv parser (CommandLineToArgvW / MSVCRT): `"` becomes `\"`,
 * backslashes are doubled only where they precede a `"` (including the closing one).
 */
export function msvcrtQuote(value: string): string {
  let out = '"';
  let backslashes = 0;
  for (const char of value) {
    if (char === '\\') {
      backslashes += 1;
      continue;
    }
    if (char === '"') out += '\\'.repeat(backslashes * 2 + 1) + '"';
    else out += '\\'.repeat(backslashes) + char;
    backslashes = 0;
  }
  return `${out}${'\\'.repeat(backslashes * 2)}"`;
}

// ---- Windows cmd.exe (interactive prompt, not a batch file) ----

const CMD_SPECIAL = new Set(['^', '"', '&', '|', '<', '>', '(', ')', '%', '!']);

/**
 * Escapes text for an interactive cmd.exe prompt by putting `^` before every special character,
 * the double quotes included. cmd then never enters its own quoted mode, so every `&|<>()` is
 * escaped wherever it falls, and the `^` continuation at the end of each line stays a continuation.
 * `%` cannot be escaped in an interactive prompt; instead `^` also goes right after each `%`, so any
 * `%name%` cmd looks up starts with `^` (and ends with one) and names no variable: it is left as
 * typed, and the carets are removed afterwards. `!` only matters with delayed expansion (off by
 * default in a prompt).
 */
export function cmdEscape(text: string): string {
  let out = '';
  let afterPercent = false;
  for (const char of text) {
    out += CMD_SPECIAL.has(char) || afterPercent ? `^${char}` : char;
    afterPercent = char === '%';
  }
  return out;
}

/** One curl.exe argument typed at a cmd prompt: MSVCRT quoting, then cmd escaping. */
export function cmdQuote(value: string): string {
  return cmdEscape(msvcrtQuote(value));
}

/**
 * Whether cmd can carry `value` on a command line: printable ASCII only. Line breaks end the
 * command; non-ASCII text reaches curl.exe through the console's ANSI code page and may arrive
 * as `?`, so such text has to travel in a file.
 */
export function isCmdSafe(value: string): boolean {
  return /^[\x20-\x7e]*$/.test(value);
}

/** cmd's limit for one command line (the continued lines count together). */
export const CMD_MAX_LINE = 8191;

// ---- PowerShell (Windows PowerShell 5.1 and PowerShell 7) ----

/** Characters PowerShell treats as single quotes: ' ‘ ’ ‚ ‛. */
const PS_SINGLE_QUOTES = /['\u2018\u2019\u201a\u201b]/g;
/** Characters special inside a PowerShell double-quoted string: ` $ and the double quotes " “ ” „. */
const PS_DOUBLE_SPECIAL = /[`$"\u201c\u201d\u201e]/g;

/** `'…'`: verbatim in PowerShell; each kind of single quote (the typographic ones too) is doubled. */
export function psQuote(value: string): string {
  return `'${value.replace(PS_SINGLE_QUOTES, (quote) => quote + quote)}'`;
}

/** Text for inside a PowerShell `"…"` string: ` $ and every kind of double quote escaped with `. */
export function psDoubleQuotedText(text: string): string {
  return text.replace(PS_DOUBLE_SPECIAL, (char) => `\`${char}`);
}

/**
 * Whether a native-command argument reaches curl.exe unchanged in every PowerShell version.
 * Windows PowerShell 5.1 (and 7.0-7.2) pass embedded `"` to native programs unescaped, so they are
 * lost or split the argument; 7.3+ escape them. No spelling works in both, so such arguments (and
 * ones ending in `\`, which 5.1 would let escape its closing quote) go through a file instead.
 */
export function isPsNativeArgSafe(value: string): boolean {
  return !value.includes('"') && !value.endsWith('\\') && value !== '';
}
