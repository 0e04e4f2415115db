import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createParser } from 'eventsource-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeCompletion, type NormalizedCompletion } from '@shared/completions/normalize';
import { toCurl } from '@shared/export/curl';
import { startLocalEngineServer, type LocalEngineServer } from './engineServer';
import { TEST_MODEL, testModelMissing } from './testing/testModel';

const MODEL = TEST_MODEL;
const missing = testModelMissing('the local server tests');

const run = promisify(execFile);

describe.skipIf(missing)('startLocalServer (stories260K)', () => {
  let server: LocalEngineServer;

  beforeAll(async () => {
    server = await startLocalEngineServer({ modelPath: MODEL, threads: 1 });
  }, 30_000);
  afterAll(async () => {
    await server?.close();
  });

  const auth = () => ({ authorization: `Bearer ${server.token}` });
  const post = (body: unknown, init: RequestInit = {}) =>
    fetch(`${server.url}/v1/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth() },
      body: JSON.stringify(body),
      ...init,
    });

  /** The SSE frames' data, [DONE] included. */
  async function frames(response: Response): Promise<string[]> {
    const data: string[] = [];
    const parser = createParser({ onEvent: (event) => data.push(event.data) });
    parser.feed(await response.text());
    return data;
  }

  it('listens on 127.0.0.1 with a random 32-byte hex token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a request without the token (401, OpenAI error envelope)', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }] as Array<Record<string, string>>) {
      const response = await fetch(`${server.url}/v1/models`, { headers });
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: { message: string; code: string } };
      expect(body.error.code).toBe('invalid_api_key');
      expect(JSON.stringify(body)).not.toContain(server.token);
    }
  });

  it('answers 404 for other paths and 405 for the wrong method', async () => {
    expect(
      (await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', headers: auth() })).status,
    ).toBe(404);
    const wrongMethod = await fetch(`${server.url}/v1/completions`, { headers: auth() });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('lists its model', async () => {
    const response = await fetch(`${server.url}/v1/models`, { headers: auth() });
    expect(await response.json()).toEqual({
      object: 'list',
      data: [{ id: 'stories260K', object: 'model', created: 0, owned_by: 'local' }],
    });
  });

  it('answers 400 naming the wrong field', async () => {
    const response = await post({ prompt: 'x', temperature: 5 });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { message: string; param: string; type: string } };
    expect(error).toMatchObject({ param: 'temperature', type: 'invalid_request_error' });
    expect(error.message).toMatch(/temperature/);
    const tooLong = await post({ prompt: 'Once upon a time. '.repeat(600) });
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { error: { param: string } }).error.param).toBe('prompt');
  });

  const request = {
    model: 'local/stories260K',
    prompt: 'Once upon a time',
    max_tokens: 12,
    temperature: 0,
    logprobs: 3,
    echo: true,
  };

  it('answers a non-streaming request in OpenAI shape, read by the app normaliser', async () => {
    const response = await post(request);
    expect(response.status).toBe(200);
    const json = (await response.json()) as Record<string, unknown>;
    expect(json).toMatchObject({ object: 'text_completion', model: 'stories260K' });
    expect(json.id).toMatch(/^cmpl-/);
    const completion = normalizeCompletion(json);
    const [choice] = completion.choices;
    expect(choice?.text).toMatch(/^Once upon a time, there was a little girl/);
    expect(choice?.finishReason).toBe('length');
    expect(choice?.tokens?.[0]).toMatchObject({ token: 'Once', logprob: null, top: null, offset: 0 });
    expect(choice?.tokens?.map((token) => token.token).join('')).toBe(choice?.text);
    expect(choice?.tokens?.slice(1).every((token) => token.top?.length === 3 && token.logprob !== null)).toBe(
      true,
    );
    expect(completion.usage).toEqual({ promptTokens: 5, completionTokens: 12, totalTokens: 17 });
  });

  it('streams the same completion, one chunk per token, then finish_reason and usage, then [DONE]', async () => {
    const whole = normalizeCompletion(await (await post(request)).json());
    const response = await post({ ...request, stream: true });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const data = await frames(response);
    expect(data.at(-1)).toBe('[DONE]');
    const chunks: NormalizedCompletion[] = data
      .slice(0, -1)
      .map((text) => normalizeCompletion(JSON.parse(text)));
    const last = chunks.at(-1);
    expect(last?.choices[0]?.finishReason).toBe('length');
    expect(last?.usage).toEqual(whole.usage);
    expect(chunks.map((chunk) => chunk.choices[0]?.text ?? '').join('')).toBe(whole.choices[0]?.text);
    const streamedTokens = chunks.flatMap((chunk) => chunk.choices[0]?.tokens ?? []);
    expect(streamedTokens).toEqual(whole.choices[0]?.tokens);
  });

  it('stops generating when the client disconnects', async () => {
    const controller = new AbortController();
    const response = await post(
      {
        prompt: 'Once upon a time',
        max_tokens: 5000,
        temperature: 0,
        stream: true,
        logit_bias: { '2': -100 },
      },
      { signal: controller.signal },
    );
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    const started = performance.now();
    // Requests are served one at a time: this one only starts once the abandoned one has stopped.
    const next = await post({ prompt: 'Once', max_tokens: 2, temperature: 0 });
    expect(next.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('answers the app’s exported curl command, run by the real curl with the key from the environment', async () => {
    const body = JSON.stringify({
      model: 'local/stories260K',
      prompt: 'Once upon a time',
      max_tokens: 6,
      temperature: 0,
    });
    const command = toCurl(
      {
        method: 'POST',
        url: `${server.url}/v1/completions`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
        body,
      },
      { profileKind: 'openai-compatible', keyEnvVar: 'LOCAL_ENGINE_KEY' },
    );
    expect(command).not.toContain(server.token);
    const { stdout } = await run('bash', ['-c', command], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LOCAL_ENGINE_KEY: server.token },
      timeout: 10_000,
    });
    const completion = normalizeCompletion(JSON.parse(stdout));
    expect(completion.choices[0]?.text).toBe(', there was a little g');
  });
});
