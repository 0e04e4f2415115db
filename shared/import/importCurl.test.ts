import { describe, expect, it } from 'vitest';
import { defaultProfiles } from '../contracts/profiles';
import { importCurl } from './importCurl';

describe('importCurl: commands as the docs write them', () => {
  it('Bifrost docs style (one line, single-quoted body)', () => {
    const text = `curl -X POST http://localhost:8080/v1/completions -H "Content-Type: application/json" -d '{"model": "openai/gpt-3.5-turbo-instruct", "prompt": "Once upon a time", "max_tokens": 50, "fallbacks": ["anthropic/claude-3-haiku-20240307"]}'`;
    const result = importCurl(text, { existingProfiles: defaultProfiles });
    expect(result.shell).toBe('posix');
    expect(result.params).toEqual({
      model: 'openai/gpt-3.5-turbo-instruct',
      prompt: 'Once upon a time',
      max_tokens: 50,
      fallbacks: ['anthropic/claude-3-haiku-20240307'],
    });
    expect(result.profileMatch?.kind).toBe('bifrost');
    expect(result.profile).toEqual({ kind: 'existing', profileId: 'local-bifrost', notes: [] });
    expect(result.problems).toEqual([]);
  });

  it('OpenAI docs style (backslash continuations, Bearer $OPENAI_API_KEY)', () => {
    const text = [
      'curl https://api.openai.com/v1/completions \\',
      '  -H "Content-Type: application/json" \\',
      '  -H "Authorization: Bearer $OPENAI_API_KEY" \\',
      "  -d '{",
      '    "model": "gpt-3.5-turbo-instruct",',
      '    "prompt": "Say this is a test",',
      '    "max_tokens": 7,',
      '    "temperature": 0',
      "  }'",
    ].join('\n');
    const result = importCurl(text, { existingProfiles: defaultProfiles });
    expect(result.params).toEqual({
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'Say this is a test',
      max_tokens: 7,
      temperature: 0,
    });
    expect(result.profileMatch).toEqual({
      baseUrl: 'https://api.openai.com',
      endpoint: '/v1/completions',
      kind: 'openai',
      headers: {},
      keyEnv: 'OPENAI_API_KEY',
    });
    expect(result.profile).toMatchObject({
      kind: 'new',
      profile: { id: 'api.openai.com', kind: 'openai', keyEnv: 'OPENAI_API_KEY' },
      problems: [],
    });
    expect(result.problems).toEqual([]);
  });

  it('a local server command with sampler fields the form does not have, and a string stop', () => {
    const text = `curl http://localhost:11434/v1/completions -H 'Content-Type: application/json' -H 'Authorization: Bearer ollama' -d '{"model":"llama3","prompt":"Hi","stop":"\\n","top_k":40,"min_p":0.05,"mirostat":2,"temperature":2.5}'`;
    const result = importCurl(text);
    expect(result.params).toEqual({ model: 'llama3', prompt: 'Hi', stop: ['\n'] });
    expect(result.unknownFields.map((field) => field.name)).toEqual(['top_k', 'min_p', 'mirostat']);
    expect(result.invalidFields).toEqual([
      { name: 'temperature', value: 2.5, message: 'Must be between 0 and 2' },
    ]);
    expect(result.notes).toHaveLength(1);
    expect(result.profileMatch?.literalKey).toBe('ollama');
    expect(result.profileMatch?.kind).toBe('openai-compatible');
  });

  it('cmd docs style with %VAR% and an unsupported option', () => {
    const text = [
      'curl.exe -s https://api.openai.com/v1/completions ^',
      '  -u user:pass ^',
      '  -H "Authorization: Bearer %OPENAI_API_KEY%" ^',
      '  -d "{\\"model\\": \\"gpt-3.5-turbo-instruct\\", \\"prompt\\": [\\"a\\", \\"b\\"]}"',
    ].join('\n');
    const result = importCurl(text);
    expect(result.shell).toBe('cmd');
    expect(result.params).toEqual({ model: 'gpt-3.5-turbo-instruct', prompt: ['a', 'b'] });
    expect(result.profileMatch?.keyEnv).toBe('OPENAI_API_KEY');
    expect(result.problems).toEqual([
      'Not supported, left out: -u (basic authentication: put the key in the key field instead)',
    ]);
    expect(JSON.stringify(result.problems)).not.toContain('pass');
  });

  it('PowerShell with a here-string body posted from a file', () => {
    const text = [
      "$body = @'",
      '{"model": "openai/gpt-4o-mini", "prompt": "x", "stream": true}',
      "'@",
      '$body | Set-Content -Path body.json -NoNewline',
      'curl.exe -N http://localhost:8080/v1/completions `',
      '  -H "x-bf-vk: $env:BIFROST_API_KEY" `',
      '  --data-binary "@body.json"',
    ].join('\n');
    const result = importCurl(text);
    expect(result.shell).toBe('powershell');
    expect(result.params).toEqual({ model: 'openai/gpt-4o-mini', prompt: 'x', stream: true });
    expect(result.profileMatch?.keyEnv).toBe('BIFROST_API_KEY');
    expect(result.problems).toEqual([]);
  });

  it('says what is missing when nothing can be imported', () => {
    expect(importCurl('').problems).toEqual([
      'No curl command was found.',
      'No URL was found.',
      'The method is GET; completions are sent with POST.',
      'The command has no body.',
    ]);
  });
});
