import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HOSTILE_TEXT } from '../export/testing/exportFixtures';
import { posixQuote } from '../export/shellQuote';
import { tokenizePosix } from './tokenizePosix';

const words = (text: string): string[][] => tokenizePosix(text).commands;

describe('tokenizePosix', () => {
  it('reads single quotes, double quotes with their escapes, and backslashes', () => {
    expect(words(`curl 'a b' "c \\"d\\" \\\\ \\x" e\\ f 'it'\\''s'`)).toEqual([
      ['curl', 'a b', 'c "d" \\ \\x', 'e f', "it's"],
    ]);
  });

  it('keeps variable references as typed, quoted or not', () => {
    expect(words(`curl -H "Authorization: Bearer $OPENAI_API_KEY" -H x:\${KEY} '$LIT'`)).toEqual([
      ['curl', '-H', 'Authorization: Bearer $OPENAI_API_KEY', '-H', 'x:${KEY}', '$LIT'],
    ]);
  });

  it('joins backslash-newline continuations and splits commands at line breaks and ;', () => {
    expect(words('export A=1\ncurl \\\n  -s \\\n  "x\\\ny"; echo done')).toEqual([
      ['export', 'A=1'],
      ['curl', '-s', 'xy'],
      ['echo', 'done'],
    ]);
  });

  it("decodes $'…' ANSI-C strings", () => {
    expect(words(`curl $'a\\nb\\t\\'q\\' \\x41\\u00e9\\101'`)).toEqual([['curl', "a\nb\t'q' Aé" + 'A']]);
  });

  it('drops comments and stops at a pipe, reporting unclosed quotes', () => {
    expect(words('curl -s # a comment\n')).toEqual([['curl', '-s']]);
    expect(words('curl x | jq .')).toEqual([
      ['curl', 'x'],
      ['jq', '.'],
    ]);
    expect(tokenizePosix(`curl 'open`).problems).toContain('A single-quoted string is not closed.');
  });

  const hasBash = (() => {
    try {
      execFileSync('bash', ['-c', 'true'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!hasBash)('splits like bash does (bash prints its argv for the same text)', () => {
    const text = [
      `curl -sS ${posixQuote(HOSTILE_TEXT)} "a\\"b \\$x \\\\ \\q" $'tab\\there' \\`,
      `  plain\\ word -H "Authorization: Bearer $OPENAI_API_KEY" x'y'"z"`,
    ].join('\n');
    // The variable holds its own reference, so bash's expansion gives what the tokenizer keeps.
    const output = execFileSync('bash', ['-c', `curl() { printf '%s\\0' "$@"; }\n${text}`], {
      env: { OPENAI_API_KEY: '$OPENAI_API_KEY', PATH: process.env.PATH ?? '' },
    });
    const fromBash = output.toString('utf8').split('\0').slice(0, -1);
    expect(words(text)).toEqual([['curl', ...fromBash]]);
  });
});
