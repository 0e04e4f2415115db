const VISIBLE: Record<string, string> = { '\n': '↵', '\t': '⇥', '\r': '␍' };

/**
 * Makes whitespace visible in a stop sequence: newline ↵, tab ⇥, carriage return ␍, and leading or
 * trailing spaces as ·. Spaces between words stay spaces.
 */
export function visualizeWhitespace(text: string): string {
  const leading = text.length - text.replace(/^ +/, '').length;
  if (leading === text.length) return '·'.repeat(text.length);
  const trailing = text.length - text.replace(/ +$/, '').length;
  const middle = text
    .slice(leading, text.length - trailing)
    .replace(/[\n\t\r]/g, (char) => VISIBLE[char] ?? char);
  return '·'.repeat(leading) + middle + '·'.repeat(trailing);
}

/** Entry text → the sequence: `\n` newline, `\t` tab, `\r` carriage return, `\\` a backslash. */
export function parseEscapes(entry: string): string {
  return entry.replace(/\\([ntr\\])/g, (_match, code: string) => {
    if (code === 'n') return '\n';
    if (code === 't') return '\t';
    if (code === 'r') return '\r';
    return '\\';
  });
}

/** A sequence as a JSON string literal, e.g. for a tooltip: "\n\n". */
export function quoted(text: string): string {
  return JSON.stringify(text);
}
