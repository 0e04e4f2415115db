import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { jsStringLiteral, pythonStringLiteral, pythonValue } from './stringLiterals';
import { HOSTILE_TEXT } from './testing/exportFixtures';

const SAMPLES = [
  HOSTILE_TEXT,
  '',
  '"\\\'',
  'line\nbreak\r\n\ttab\b\f\v\0end',
  '\u007f\u0085\u009f',
  'é 漢字 🙂 👨\u200d👩\u200d👧',
  'bidi \u202e evil \u2066 \u200f ls \u2028 ps \u2029 bom \ufeff',
  JSON.stringify({ prompt: 'a "quoted" \\ value\n' }),
];

function python(): boolean {
  try {
    execFileSync('python3', ['-c', 'pass']);
    return true;
  } catch {
    return false;
  }
}

describe('jsStringLiteral', () => {
  it.each(SAMPLES.map((sample) => [sample]))('evaluates back to %j', (sample) => {
    const literal = jsStringLiteral(sample);
    expect(new Function(`return ${literal};`)()).toBe(sample);
  });

  it('keeps printable non-ASCII as is and escapes the invisible', () => {
    expect(jsStringLiteral('é漢🙂')).toBe('"é漢🙂"');
    expect(jsStringLiteral('a\u202eb\u2028c\u0000')).toBe('"a\\u202eb\\u2028c\\u0000"');
    expect(jsStringLiteral('"\\\n\t')).toBe('"\\"\\\\\\n\\t"');
  });

  it('keeps a lone surrogate (as an escape), so the value is unchanged', () => {
    expect(jsStringLiteral('a\ud800b')).toBe('"a\\ud800b"');
  });
});

describe('pythonStringLiteral / pythonValue', () => {
  it('writes the same escapes in Python spelling', () => {
    expect(pythonStringLiteral('é\u0001\u202e"\\')).toBe('"é\\x01\\u202e\\"\\\\"');
    expect(pythonStringLiteral('a\ud800b')).toBe('"a\\ufffdb"');
    expect(pythonValue({ a: [1, 0.5, true, false, null, 'x'], b: { c: -100 } })).toBe(
      '{"a": [1, 0.5, True, False, None, "x"], "b": {"c": -100}}',
    );
  });

  it.skipIf(!python())('is read back unchanged by python3', () => {
    const program = [
      'import json, sys',
      `values = [${SAMPLES.map(pythonStringLiteral).join(', ')}]`,
      `data = ${pythonValue({ n: 1, f: 0.7, t: true, z: null, s: SAMPLES[0], l: [1, 'two'] })}`,
      'sys.stdout.write(json.dumps({"values": values, "data": data}))',
    ].join('\n');
    const output = execFileSync('python3', ['-c', program]).toString('utf8');
    expect(JSON.parse(output)).toEqual({
      values: SAMPLES,
      data: { n: 1, f: 0.7, t: true, z: null, s: SAMPLES[0], l: [1, 'two'] },
    });
  });
});
