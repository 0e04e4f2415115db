import { describe, expect, it } from 'vitest';
import { parseEscapes, quoted, visualizeWhitespace } from './whitespace';

describe('visualizeWhitespace', () => {
  it('shows newlines, tabs and carriage returns', () => {
    expect(visualizeWhitespace('\n')).toBe('↵');
    expect(visualizeWhitespace('\n\nEND\t')).toBe('↵↵END⇥');
    expect(visualizeWhitespace('a\r\nb')).toBe('a␍↵b');
  });
  it('marks leading and trailing spaces only', () => {
    expect(visualizeWhitespace(' the end ')).toBe('·the end·');
    expect(visualizeWhitespace('  ')).toBe('··');
    expect(visualizeWhitespace(' \n')).toBe('·↵');
    expect(visualizeWhitespace('Q:')).toBe('Q:');
  });
});

describe('parseEscapes', () => {
  it('turns \\n and \\t into newline and tab', () => {
    expect(parseEscapes('\\n')).toBe('\n');
    expect(parseEscapes('\\n\\nQ:')).toBe('\n\nQ:');
    expect(parseEscapes('a\\tb')).toBe('a\tb');
    expect(parseEscapes('\\r\\n')).toBe('\r\n');
  });
  it('keeps a literal backslash when escaped and leaves other text alone', () => {
    expect(parseEscapes('\\\\n')).toBe('\\n');
    expect(parseEscapes('C:\\path')).toBe('C:\\path');
    expect(parseEscapes('plain')).toBe('plain');
  });
  it('quotes sequences for tooltips', () => {
    expect(quoted('\n')).toBe('"\\n"');
  });
});
