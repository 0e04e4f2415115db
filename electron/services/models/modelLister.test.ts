import { describe, expect, it } from 'vitest';
import type { Profile } from '@shared/contracts/profiles';
import { listModels, testKey, toModelInfo, type GetFetch } from './modelLister';

const KEY = 'sk-models-secret';
const profile = (kind: Profile['kind'] = 'bifrost'): Profile => ({
  id: 'p',
  name: 'P',
  kind,
  baseUrl: 'http://gw.test',
  endpoint: '/v1/completions',
  headers: { 'X-Team': 'blue' },
});

function fakeFetch(respond: () => Response | Promise<Response>) {
  const calls: Array<{ url: string; headers: Record<string, string> }> = [];
  const fetch: GetFetch = async (url, init) => {
    expect(init.redirect).toBe('manual');
    calls.push({ url, headers: init.headers });
    return respond();
  };
  return { fetch, calls };
}

const refused: GetFetch = async () => {
  throw Object.assign(new TypeError('fetch failed'), {
    cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' },
  });
};
const hanging: GetFetch = (_url, init) =>
  new Promise((_resolve, reject) =>
    init.signal.addEventListener('abort', () => reject(new Error('aborted'))),
  );

const gatewayModels = {
  data: [
    {
      id: 'openai/gpt-3.5-turbo-instruct',
      name: 'GPT-3.5 Turbo Instruct',
      context_length: 4096,
      max_output_tokens: 4096,
      owned_by: 'openai',
      pricing: { prompt: '0.0000015000', completion: '0.0000020000' },
    },
    { id: 'openai/davinci-002', max_input_tokens: 16384 },
    { name: 'no id: skipped' },
  ],
};

describe('listModels', () => {
  it('GETs the models URL with the key header and parses the list', async () => {
    const { fetch, calls } = fakeFetch(() => Response.json(gatewayModels));
    const list = await listModels(profile(), KEY, fetch);
    expect(calls).toEqual([
      {
        url: 'http://gw.test/v1/models',
        headers: expect.objectContaining({ 'x-bf-vk': KEY, 'X-Team': 'blue' }),
      },
    ]);
    expect(list).toEqual({
      models: [
        {
          id: 'openai/gpt-3.5-turbo-instruct',
          name: 'GPT-3.5 Turbo Instruct',
          contextLength: 4096,
          maxOutputTokens: 4096,
          ownedBy: 'openai',
          pricing: { prompt: 0.0000015, completion: 0.000002 },
        },
        { id: 'openai/davinci-002', contextLength: 16384 },
      ],
    });
  });

  it('says why the list is empty, never throwing', async () => {
    const cases: Array<[GetFetch, RegExp]> = [
      [refused, /^No gateway at http:\/\/gw\.test/],
      [
        fakeFetch(() => new Response('{"error":{"message":"bad vk"}}', { status: 401 })).fetch,
        /rejected the key \(401\).*bad vk/,
      ],
      [fakeFetch(() => new Response('nope', { status: 404 })).fetch, /does not list models \(404\)/],
      [
        fakeFetch(() => new Response('', { status: 302, headers: { location: 'https://x' } })).fetch,
        /redirected \(302\)/,
      ],
      [
        fakeFetch(() => new Response('{"error":{"message":"boom"}}', { status: 500 })).fetch,
        /answered 500: boom/,
      ],
      [fakeFetch(() => new Response('<html></html>', { status: 200 })).fetch, /did not answer with JSON/],
      [fakeFetch(() => Response.json({ models: [] })).fetch, /without a "data" list/],
      [fakeFetch(() => Response.json({ data: [] })).fetch, /lists no models/],
      [
        async () => {
          throw new Error('weird');
        },
        /Request to gw\.test failed|weird/,
      ],
    ];
    for (const [fetch, reason] of cases) {
      const list = await listModels(profile(), KEY, fetch);
      expect(list.models).toEqual([]);
      expect(list.error).toMatch(reason);
      expect(list.error).not.toContain(KEY);
    }
  });

  it('gives up after the timeout', async () => {
    const started = Date.now();
    const list = await listModels(profile(), KEY, hanging, { timeoutMs: 50 });
    expect(list).toEqual({ models: [], error: 'No answer from http://gw.test/v1/models within 0.05 s.' });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('testKey', () => {
  it('accepts on 2xx, rejects on 401/403, reports a missing gateway', async () => {
    expect(await testKey(profile(), KEY, fakeFetch(() => Response.json(gatewayModels)).fetch)).toEqual({
      ok: true,
      message: 'Key accepted by http://gw.test/v1/models',
    });
    for (const status of [401, 403]) {
      expect(await testKey(profile(), KEY, fakeFetch(() => new Response('', { status })).fetch)).toEqual({
        ok: false,
        message: 'The gateway rejected the key',
      });
    }
    expect(await testKey(profile(), KEY, refused)).toEqual({
      ok: false,
      message: 'No gateway at http://gw.test.',
    });
    const other = await testKey(profile(), KEY, fakeFetch(() => new Response('', { status: 502 })).fetch);
    expect(other).toEqual({ ok: false, message: 'http://gw.test/v1/models answered 502.' });
  });

  it('sends Bearer for openai profiles', async () => {
    const { fetch, calls } = fakeFetch(() => Response.json(gatewayModels));
    await testKey(profile('openai'), KEY, fetch);
    expect(calls[0]?.headers.Authorization).toBe(`Bearer ${KEY}`);
  });
});

describe('toModelInfo', () => {
  it('ignores values of the wrong type', () => {
    expect(toModelInfo({ id: 'x', context_length: 'many', pricing: { prompt: 'free' }, name: 3 })).toEqual({
      id: 'x',
    });
    expect(toModelInfo('x')).toBeUndefined();
  });
});
