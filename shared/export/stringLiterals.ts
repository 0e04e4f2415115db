/**
 * String literals for generated JavaScript and Python code. One rule for both languages:
 * printable text (ASCII and non-ASCII alike, emoji included) is kept as it is; quotes and
 * backslashes are escaped; control characters, line/paragraph separators, the BOM and the
 * bidirectional-control characters (the "Trojan Source" set) are written as escapes so that nothing
 * invisible hides in the snippet.
 */

const NAMED_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** Characters written as escapes: C0, DEL, C1, LRM/RLM, LS/PS, bidi embeddings/isolates, BOM. */
function isInvisible(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

/** A double-quoted JavaScript string literal whose value is exactly `value` (lone surrogates kept). */
export function jsStringLiteral(value: string): string {
  let out = '"';
  for (const char of value) {
    const named = NAMED_ESCAPES[char];
    if (named !== undefined) out += named;
    else if (isInvisible(char) || isLoneSurrogate(char)) out += unicodeEscape(char);
    else out += char;
  }
  return `${out}"`;
}

/**
 * A double-quoted Python 3 `str` literal for `value`. A lone surrogate cannot be encoded to UTF-8,
 * so it becomes U+FFFD, which is also what the app's UTF-8 encoder sends in its place.
 */
export function pythonStringLiteral(value: string): string {
  let out = '"';
  for (const char of value) {
    const named = NAMED_ESCAPES[char];
    if (named !== undefined) out += named;
    else if (isLoneSurrogate(char)) out += '\\ufffd';
    else if (isInvisible(char)) {
      const code = char.charCodeAt(0);
      out += code <= 0xff ? `\\x${hex(code, 2)}` : unicodeEscape(char);
    } else out += char;
  }
  return `${out}"`;
}

/** A Python literal for a JSON value (dict, list, str, int/float, True/False/None), on one line. */
export function pythonValue(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  if (typeof value === 'string') return pythonStringLiteral(value);
  if (Array.isArray(value)) return `[${value.map(pythonValue).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${pythonStringLiteral(k)}: ${pythonValue(v)}`);
    return `{${entries.join(', ')}}`;
  }
  return 'None';
}

function isLoneSurrogate(char: string): boolean {
  const code = char.charCodeAt(0);
  return char.length === 1 && code >= 0xd800 && code <= 0xdfff;
}

function unicodeEscape(char: string): string {
  return `\\u${hex(char.charCodeAt(0), 4)}`;
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}
