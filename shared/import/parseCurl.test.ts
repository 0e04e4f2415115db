import { describe, expect, it } from 'vitest';
import { parseCurl } from './parseCurl';

const parse = (...args: string[]): ReturnType<typeof parseCurl> => parseCurl(['curl', ...args]);

describe('parseCurl', () => {
  it('reads method, URL, headers in order, body and -N', () => {
    const parsed = parse(
      '-sSN',
      '-XPOST',
      'http://h/v1/completions',
      '-H',
      'A: 1',
      '-HB:2',
      '-H',
      'X-Empty;',
      '-d',
      '{}',
    );
    expect(parsed).toMatchObject({
      method: 'POST',
      url: 'http://h/v1/completions',
      headers: [
        { name: 'A', value: '1' },
        { name: 'B', value: '2' },
        { name: 'X-Empty', value: '' },
      ],
      body: '{}',
      noBuffer: true,
      ignoredOptions: ['-s', '-S'],
      unsupportedOptions: [],
    });
  });

  it('infers POST from data and GET without; takes --url', () => {
    expect(parse('--url', 'http://h', '--data-raw', '@x').method).toBe('POST');
    expect(parse('--url', 'http://h', '--data-raw', '@x').body).toBe('@x');
    expect(parse('http://h').method).toBe('GET');
  });

  it('reports duplicate headers and a removed header', () => {
    const parsed = parse('http://h', '-H', 'X-A: 1', '-H', 'x-a: 2', '-H', 'Accept:');
    expect(parsed.duplicateHeaders).toEqual(['X-A']);
    expect(parsed.headers).toHaveLength(2);
    expect(parsed.warnings).toEqual([
      '-H "Accept:" tells curl not to send Accept; it was left out.',
      'The header X-A is given more than once; curl sends every copy.',
    ]);
  });

  it('joins several -d with & and --json without separator, adding JSON headers for --json', () => {
    expect(parse('http://h', '-d', 'a=1', '--data', 'b=2').body).toBe('a=1&b=2');
    const json = parse('http://h', '--json', '{"a":', '--json', '1}', '-H', 'Accept: text/event-stream');
    expect(json.body).toBe('{"a":1}');
    expect(json.headers).toEqual([
      { name: 'Accept', value: 'text/event-stream' },
      { name: 'Content-Type', value: 'application/json' },
    ]);
  });

  it('reads @file bodies from provided files, and says which file is needed otherwise', () => {
    expect(
      parseCurl(['curl', 'http://h', '--data-binary', '@b.json'], { files: { 'b.json': '{\n}' } }).body,
    ).toBe('{\n}');
    expect(parseCurl(['curl', 'http://h', '-d', '@b.json'], { files: { 'b.json': '{\n}' } }).body).toBe('{}');
    const missing = parse('http://h', '-d', '@body.json');
    expect(missing.body).toBeNull();
    expect(missing.bodyFileNeeded).toBe('body.json');
    expect(missing.warnings).toContain('The body is in body.json; paste its content.');
    expect(parse('http://h', '-d', '@-').warnings[0]).toMatch(/standard input/);
  });

  it('reads header files line by line', () => {
    const parsed = parseCurl(['curl', 'http://h', '-H', '@h.txt'], { files: { 'h.txt': 'A: 1\nB: 2' } });
    expect(parsed.headers).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
    ]);
  });

  it('lists unsupported options without repeating secret values', () => {
    const parsed = parse(
      'http://h',
      '-u',
      'me:secret',
      '-F',
      'a=b',
      '--data-urlencode',
      'x=y',
      '--weird',
      '-o',
      'out',
    );
    expect(parsed.unsupportedOptions).toEqual([
      '-u (basic authentication: put the key in the key field instead)',
      '-F (multipart form data)',
      '--data-urlencode (URL-encoded form data)',
      '--weird (unknown option)',
    ]);
    expect(JSON.stringify(parsed)).not.toContain('secret');
    expect(parsed.ignoredOptions).toEqual(['-o']);
    expect(parsed.url).toBe('http://h');
  });

  it('keeps an option value that starts with - and warns about a missing URL or value', () => {
    expect(parse('-d', '-1', 'http://h').body).toBe('-1');
    expect(parse('-H').warnings).toEqual(['-H is missing its value.', 'No URL was found.']);
  });
});
