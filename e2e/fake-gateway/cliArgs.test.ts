import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cliArgs';

describe('parseCliArgs', () => {
  it('defaults to port 8080, unlimited speed, no key', () => {
    expect(parseCliArgs([])).toEqual({
      kind: 'run',
      options: { port: 8080, tokensPerSecond: 0, requiredKey: undefined },
    });
  });

  it('reads --port, --tps and --required-key in both spellings', () => {
    expect(parseCliArgs(['--port', '9000', '--tps=50', '--required-key', 'sk-bf-x'])).toEqual({
      kind: 'run',
      options: { port: 9000, tokensPerSecond: 50, requiredKey: 'sk-bf-x' },
    });
  });

  it('refuses bad input and answers --help', () => {
    expect(parseCliArgs(['--port', 'abc']).kind).toBe('error');
    expect(parseCliArgs(['--port', '70000']).kind).toBe('error');
    expect(parseCliArgs(['--tps', '-1']).kind).toBe('error');
    expect(parseCliArgs(['--tps']).kind).toBe('error');
    expect(parseCliArgs(['--verbose']).kind).toBe('error');
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
  });
});
