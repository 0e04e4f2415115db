import { describe, expect, it } from 'vitest';
import { buildCompletionRequest, KEY_PLACEHOLDER } from '../completions/buildRequest';
import { toFetch, toJsonBody, toPythonOpenAI, toPythonRequests } from './snippets';
import { bifrostProfile, HOSTILE_TEXT, hostileParams, openaiProfile } from './testing/exportFixtures';

const bifrost = bifrostProfile('http://127.0.0.1:8080', { 'x-bf-cache-key': 'k1' });
const preview = (stream: boolean) =>
  buildCompletionRequest(bifrost, hostileParams(HOSTILE_TEXT, stream), KEY_PLACEHOLDER);
const openaiPreview = buildCompletionRequest(
  openaiProfile('https://api.openai.com'),
  { model: 'gpt-3.5-turbo-instruct', prompt: 'Hi', fallbacks: ['a/b'] },
  KEY_PLACEHOLDER,
);

describe('toJsonBody', () => {
  it('returns the body exactly by default, re-indented only when asked', () => {
    const source = preview(false);
    expect(toJsonBody(source)).toBe(source.body);
    const pretty = toJsonBody(source, { pretty: true });
    expect(pretty).toContain('\n  "model": "openai/gpt-3.5-turbo-instruct",');
    expect(JSON.parse(pretty)).toEqual(JSON.parse(source.body));
    expect(toJsonBody({ body: 'not json' }, { pretty: true })).toBe('not json');
  });
});

describe('toFetch', () => {
  it('reads the key from process.env and streams only when the request does', () => {
    const streamed = toFetch(preview(true), { profileKind: 'bifrost' });
    expect(streamed).toContain('"x-bf-vk": process.env.BIFROST_API_KEY,');
    expect(streamed).toContain('"x-bf-cache-key": "k1",');
    expect(streamed).toContain('for await (const chunk of response.body)');
    const batch = toFetch(preview(false), { profileKind: 'bifrost' });
    expect(batch).toContain('console.log(await response.text());');
    expect(batch).not.toContain('for await');
  });

  it('writes "Bearer " + process.env.OPENAI_API_KEY, or the real key only when asked', () => {
    expect(toFetch(openaiPreview, { profileKind: 'openai' })).toContain(
      '"Authorization": "Bearer " + process.env.OPENAI_API_KEY,',
    );
    const real = toFetch(openaiPreview, { profileKind: 'openai', includeRealKey: { key: 'sk-real' } });
    expect(real).toContain('"Authorization": "Bearer sk-real",');
    expect(real).not.toContain('process.env');
  });

  it('has a body literal that evaluates to the exact body', () => {
    const source = preview(true);
    const literal = /^ {2}body: (.*),$/m.exec(toFetch(source, { profileKind: 'bifrost' }))?.[1] ?? '';
    expect(new Function(`return ${literal};`)()).toBe(source.body);
  });
});

describe('toPythonRequests', () => {
  it('posts the UTF-8 bytes of the body with the headers, streaming with iter_lines', () => {
    const streamed = toPythonRequests(preview(true), { profileKind: 'bifrost' });
    expect(streamed).toMatch(/^import os\nimport sys\n\nimport requests\n/);
    expect(streamed).toContain('"x-bf-vk": os.environ["BIFROST_API_KEY"],');
    expect(streamed).toContain('.encode("utf-8")');
    expect(streamed).toContain('requests.post(url, headers=headers, data=body, stream=True)');
    expect(streamed).toContain('response.iter_lines()');
    const batch = toPythonRequests(preview(false), { profileKind: 'bifrost' });
    expect(batch).not.toContain('stream=True');
  });

  it('leaves os out when no key is read from the environment', () => {
    const noKey = buildCompletionRequest(bifrost, { model: 'a/b', prompt: 'p' }, undefined);
    expect(toPythonRequests(noKey, { profileKind: 'bifrost' })).not.toContain('import os');
  });
});

describe('toPythonOpenAI', () => {
  it('uses base_url, the body fields as parameters, fallbacks in extra_body, x-bf-* in default_headers', () => {
    const text = toPythonOpenAI(preview(true), { profileKind: 'bifrost' });
    expect(text).toContain('base_url="http://127.0.0.1:8080/v1",');
    expect(text).toContain('api_key=os.environ["BIFROST_API_KEY"],');
    expect(text).toContain('"x-bf-cache-key": "k1",');
    expect(text).toContain('"x-bf-vk": os.environ["BIFROST_API_KEY"],');
    expect(text).not.toMatch(/"Content-Type"|"Accept"/);
    expect(text).toContain('    logit_bias={"198": 5.5, "50256": -100},');
    expect(text).toContain('    stop=["\\n", "\'END\'"],');
    expect(text).toContain(
      '    extra_body={"fallbacks": ["anthropic/claude-3-haiku", "openai/davinci-002"]},',
    );
    expect(text).toContain('for chunk in stream:');
    expect(toPythonOpenAI(preview(false), { profileKind: 'bifrost' })).toContain(
      'for choice in completion.choices:',
    );
  });

  it('leaves Authorization to the SDK (api_key) for OpenAI profiles', () => {
    const text = toPythonOpenAI(openaiPreview, { profileKind: 'openai' });
    expect(text).toContain('api_key=os.environ["OPENAI_API_KEY"],');
    expect(text).not.toContain('Authorization');
    expect(text).not.toContain('default_headers');
    expect(text).not.toContain('extra_body');
  });

  it('says so when the endpoint is not …/completions, or when the app sends no key', () => {
    const odd = buildCompletionRequest(
      { ...bifrost, endpoint: '/custom/generate' },
      { model: 'a/b', prompt: 'p' },
      undefined,
    );
    const text = toPythonOpenAI(odd, { profileKind: 'bifrost' });
    expect(text).toContain('# The app posts to http://127.0.0.1:8080/custom/generate;');
    expect(text).toContain('api_key="none",');
    expect(text).toContain('# The app sends no key;');
  });
});
