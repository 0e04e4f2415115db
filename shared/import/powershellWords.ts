/** PowerShell quoting: words of one statement, evaluated the way a native command receives them. */

export const PS_SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b";
export const PS_DOUBLE_QUOTES = '"\u201c\u201d\u201e';

/** A script variable: a string, or a temporary file (known by the name curl will read it under). */
export type PsValue = { kind: 'string'; value: string } | { kind: 'file'; path: string };

export interface PsWord {
  raw: string;
  value: string;
}

const DOUBLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  v: '\v',
};

interface Scan {
  text: string;
  i: number;
  vars: Map<string, PsValue>;
  problems: string[];
}

/**
 * The words of a statement: '…' (quotes doubled to escape), "…" (backtick escapes, `$var`,
 * `$(…)` of a known variable), here-strings, bare words; `|` is a word of its own, and `,` too when
 * `commas` is set. `$env:NAME` and `${env:NAME}` are kept as typed (the key reference is read from them).
 */
export function psWords(
  text: string,
  vars: Map<string, PsValue>,
  problems: string[],
  commas = false,
): PsWord[] {
  const scan: Scan = { text, i: 0, vars, problems };
  const words: PsWord[] = [];
  while (scan.i < text.length) {
    while (/\s/.test(text[scan.i] ?? '')) scan.i += 1;
    if (scan.i >= text.length) break;
    const start = scan.i;
    const first = text[scan.i] ?? '';
    if (first === '|' || (commas && first === ',')) {
      scan.i += 1;
      words.push({ raw: first, value: first });
      continue;
    }
    let value = '';
    while (scan.i < text.length) {
      const char = text[scan.i] ?? '';
      if (/\s/.test(char) || char === '|' || (commas && char === ',')) break;
      if (char === '@' && (text[scan.i + 1] === "'" || text[scan.i + 1] === '"')) {
        const here = hereString(scan);
        if (here !== null) {
          value += here;
          continue;
        }
      }
      if (PS_SINGLE_QUOTES.includes(char)) value += singleQuoted(scan);
      else if (PS_DOUBLE_QUOTES.includes(char)) value += doubleQuoted(scan);
      else if (char === '`') {
        value += text[scan.i + 1] ?? '';
        scan.i += 2;
      } else if (char === '$') value += dollar(scan);
      else {
        value += char;
        scan.i += 1;
      }
    }
    words.push({ raw: text.slice(start, scan.i), value });
  }
  return words;
}

function singleQuoted(scan: Scan): string {
  let value = '';
  scan.i += 1;
  for (;;) {
    const char = scan.text[scan.i];
    if (char === undefined) {
      scan.problems.push('A single-quoted string is not closed.');
      return value;
    }
    if (PS_SINGLE_QUOTES.includes(char)) {
      if (!PS_SINGLE_QUOTES.includes(scan.text[scan.i + 1] ?? 'x')) {
        scan.i += 1;
        return value;
      }
      scan.i += 1;
    }
    value += scan.text[scan.i] ?? '';
    scan.i += 1;
  }
}

function doubleQuoted(scan: Scan): string {
  let value = '';
  scan.i += 1;
  for (;;) {
    const char = scan.text[scan.i];
    if (char === undefined) {
      scan.problems.push('A double-quoted string is not closed.');
      return value;
    }
    if (PS_DOUBLE_QUOTES.includes(char)) {
      if (!PS_DOUBLE_QUOTES.includes(scan.text[scan.i + 1] ?? 'x')) {
        scan.i += 1;
        return value;
      }
      value += '"';
      scan.i += 2;
    } else if (char === '`') value += backtickEscape(scan);
    else if (char === '$') value += dollar(scan);
    else {
      value += char;
      scan.i += 1;
    }
  }
}

function backtickEscape(scan: Scan): string {
  const next = scan.text[scan.i + 1] ?? '';
  const unicode = /^u\{([0-9A-Fa-f]{1,6})\}/.exec(scan.text.slice(scan.i + 1));
  if (unicode?.[1] !== undefined) {
    scan.i += 1 + unicode[0].length;
    return String.fromCodePoint(parseInt(unicode[1], 16));
  }
  scan.i += 2;
  return DOUBLE_ESCAPES[next] ?? next;
}

/** @'…'@ / @"…"@: the text between the line after the opener and the line of the closer. */
function hereString(scan: Scan): string | null {
  const quote = scan.text[scan.i + 1] ?? '';
  const open = /^@['"][ \t]*\n/.exec(scan.text.slice(scan.i));
  if (!open) return null;
  const bodyStart = scan.i + open[0].length;
  const close = scan.text.indexOf(`\n${quote}@`, bodyStart - 1);
  if (close < 0) {
    scan.problems.push('A here-string is not closed.');
    scan.i = scan.text.length;
    return scan.text.slice(bodyStart);
  }
  const body = close < bodyStart ? '' : scan.text.slice(bodyStart, close);
  scan.i = close + 3;
  if (quote === "'") return body;
  const inner: Scan = { text: body, i: 0, vars: scan.vars, problems: scan.problems };
  let value = '';
  while (inner.i < body.length) {
    const char = body[inner.i] ?? '';
    if (char === '`') value += backtickEscape(inner);
    else if (char === '$') value += dollar(inner);
    else {
      value += char;
      inner.i += 1;
    }
  }
  return value;
}

/** `$env:X` (kept), `$name` / `$name.FullName` / `$($name.FullName)` (known variables), else `$`. */
function dollar(scan: Scan): string {
  const rest = scan.text.slice(scan.i);
  const env = /^\$(?:env:(\w+)|\{env:(\w+)\})/i.exec(rest);
  if (env) {
    scan.i += env[0].length;
    return `$env:${env[1] ?? env[2] ?? ''}`;
  }
  const sub = /^\$\(\s*\$(\w+)(\.FullName)?\s*\)/i.exec(rest);
  const plain = /^\$(\w+)(\.FullName)?/i.exec(rest);
  const match = sub ?? plain;
  if (!match) {
    scan.i += 1;
    return '$';
  }
  const name = match[1] ?? '';
  if (/^(?:true|false|null)$/i.test(name) && match === plain) {
    scan.i += name.length + 1;
    return `$${name}`;
  }
  const variable = scan.vars.get(name.toLowerCase());
  if (!variable) {
    const simple = /^\$\w+/.exec(rest)?.[0] ?? '$';
    scan.problems.push(`The PowerShell variable ${simple} is not set in the pasted text: kept as typed.`);
    scan.i += simple.length;
    return simple;
  }
  scan.i += match[0].length;
  if (variable.kind === 'file') return variable.path;
  if (match[2] !== undefined) scan.problems.push(`$${name} is not a file: ${match[2]} was ignored.`);
  return variable.value;
}
