// Tests may read fixtures with Node (the brief allows node:fs in *.test.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Usage } from '../contracts/runs';
import { classifyHttpError, streamErrorFromFrame } from './classifyError';
import {
  detectErrorPayload,
  normalizeCompletion,
  type ErrorPayload,
  type NormalizedCompletion,
  type NormalizedToken,
} from './normalize';
import { withExtraFields } from './routing';

/**
 * Real recorded provider responses (read-only, outside the repo; see INDEX.md there). Every file in
 * the folder is checked: responses and streams against facts read off the recordings, request bodies
 * as "not a completion", INDEX.md as listing every response.
 */
const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/real-responses');
const present = existsSync(FIXTURES);
if (!present) console.warn(`Skipping the real-response fixture tests: ${FIXTURES} does not exist.`);
const files = present ? readdirSync(FIXTURES).sort() : [];
const requestFiles = files.filter((name) => name.endsWith('.request.json'));
const responseFiles = files.filter((name) => /\.(json|sse)$/.test(name) && !name.endsWith('.request.json'));
const otherFiles = files.filter((name) => !requestFiles.includes(name) && !responseFiles.includes(name));

const read = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const readJson = (name: string): unknown => JSON.parse(read(name)) as unknown;

function must<T>(value: T | undefined | null, what = 'value'): T {
  if (value === undefined || value === null) throw new Error(`missing ${what}`);
  return value;
}

// ---- SSE: split on blank lines, then normalise each data frame ----

interface SseFrame {
  event?: string;
  data: string;
}

function splitSse(text: string): SseFrame[] {
  const frames: SseFrame[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const data: string[] = [];
    let event: string | undefined;
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') data.push(value);
      else if (field === 'event') event = value;
    }
    if (data.length > 0)
      frames.push(event === undefined ? { data: data.join('\n') } : { event, data: data.join('\n') });
  }
  return frames;
}

interface AccumulatedChoice {
  text: string;
  finishReason: string | null;
  tokens: NormalizedToken[];
  /** How many chunks carried this choice. */
  chunks: number;
}

interface StreamResult {
  frames: SseFrame[];
  chunks: NormalizedCompletion[];
  errors: ErrorPayload[];
  choices: Map<number, AccumulatedChoice>;
  /** Choice index of every choice entry, in arrival order. */
  arrival: number[];
  usage: Usage | null;
  endsWithDone: boolean;
}

function accumulate(chunks: NormalizedCompletion[]): Pick<StreamResult, 'choices' | 'arrival' | 'usage'> {
  const choices = new Map<number, AccumulatedChoice>();
  const arrival: number[] = [];
  let usage: Usage | null = null;
  for (const chunk of chunks) {
    if (chunk.usage) usage = chunk.usage;
    for (const choice of chunk.choices) {
      arrival.push(choice.index);
      const entry = choices.get(choice.index) ?? { text: '', finishReason: null, tokens: [], chunks: 0 };
      entry.text += choice.text;
      entry.finishReason = choice.finishReason ?? entry.finishReason;
      entry.tokens.push(...(choice.tokens ?? []));
      entry.chunks += 1;
      choices.set(choice.index, entry);
    }
  }
  return { choices, arrival, usage };
}

function readStream(name: string): StreamResult {
  const frames = splitSse(read(name));
  const chunks: NormalizedCompletion[] = [];
  const errors: ErrorPayload[] = [];
  for (const frame of frames) {
    if (frame.data === '[DONE]') continue;
    const json = JSON.parse(frame.data) as unknown;
    const error = detectErrorPayload(json);
    if (error) errors.push(error);
    else chunks.push(normalizeCompletion(json));
  }
  return { frames, chunks, errors, ...accumulate(chunks), endsWithDone: frames.at(-1)?.data === '[DONE]' };
}

const choice = (result: StreamResult, index: number): AccumulatedChoice =>
  must(result.choices.get(index), `choice ${index}`);
const joined = (tokens: NormalizedToken[]): string => tokens.map((token) => token.token).join('');

function expectWellFormed(completion: NormalizedCompletion): void {
  const indexes = completion.choices.map((entry) => entry.index);
  expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
  for (const entry of completion.choices) {
    expect(typeof entry.text).toBe('string');
    for (const token of entry.tokens ?? []) {
      expect(typeof token.token).toBe('string');
      if (token.logprob !== null) expect(token.logprob).toBeLessThanOrEqual(0);
      const top = token.top ?? [];
      for (let k = 1; k < top.length; k += 1)
        expect(must(top[k - 1])[1]).toBeGreaterThanOrEqual(must(top[k])[1]);
    }
  }
}

/** A non-streaming body: normalised, or the error it carries. */
function readResponse(name: string): { completion: NormalizedCompletion; error: ErrorPayload | null } {
  const json = readJson(name);
  return { completion: normalizeCompletion(json), error: detectErrorPayload(json) };
}

function readCompletion(name: string): NormalizedCompletion {
  const { completion, error } = readResponse(name);
  expect(error).toBeNull();
  return completion;
}

function readError(name: string): ErrorPayload {
  const { completion, error } = readResponse(name);
  expect(completion.choices).toEqual([]);
  return must(error, `error payload in ${name}`);
}

const first = (completion: NormalizedCompletion) => must(completion.choices[0], 'choice 0');
const tokensOf = (completion: NormalizedCompletion, index = 0) =>
  must(must(completion.choices[index], `choice ${index}`).tokens, `tokens of choice ${index}`);

// ---- facts, one entry per response fixture ----

const BYTE_TOKEN = 'bytes:\\xe2\\x80';

const facts: Record<string, () => void> = {
  'azsdk-net-azure-404-deployment-not-found.json': () => {
    const error = readError('azsdk-net-azure-404-deployment-not-found.json');
    expect(error).toEqual({
      message:
        'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.',
      code: 'DeploymentNotFound',
    });
    const runError = classifyHttpError({
      url: 'https://example.openai.azure.com/openai/deployments/BAD_DEPLOYMENT_ID/completions',
      status: 404,
      headers: { 'content-type': 'application/json' },
      bodyText: read('azsdk-net-azure-404-deployment-not-found.json'),
    });
    expect(runError).toMatchObject({
      kind: 'not_found',
      title: 'Model or endpoint not found',
      code: 'DeploymentNotFound',
    });
    expect(runError.message).toContain('The API deployment for this resource does not exist.');
  },

  'azsdk-net-azure-davinci002-echo-logprobs-bestof.json': () => {
    const completion = readCompletion('azsdk-net-azure-davinci002-echo-logprobs-bestof.json');
    const tokens = tokensOf(completion);
    expect(completion.choices).toHaveLength(1);
    expect(first(completion).finishReason).toBe('stop');
    expect(tokens).toHaveLength(53);
    // Azure: the first echoed token has logprob 0 (not null) but no alternatives.
    expect(tokens[0]).toEqual({ token: 'Are', logprob: 0, top: null, bytes: null, offset: 0 });
    expect(joined(tokens)).toBe(first(completion).text);
    expect(first(completion).text.startsWith('Are bananas especially radioactive?\n\n')).toBe(true);
    expect(tokens[24]?.top).toEqual([['<|endoftext|>', -0.732454]]);
    expect(tokens[6]?.logprob).toBe(-0.0000084157);
    expect(completion.usage).toEqual({ promptTokens: 5, completionTokens: 110, totalTokens: 115 });
  },

  'azsdk-net-azure-davinci002-stream-2prompts-logprobs1.sse': () => {
    const stream = readStream('azsdk-net-azure-davinci002-stream-2prompts-logprobs1.sse');
    expect(stream.frames).toHaveLength(73);
    expect(stream.endsWithDone).toBe(true);
    expect(stream.errors).toEqual([]);
    // Not interleaved: all of choice 0, then all of choice 1.
    expect(stream.arrival).toEqual([...Array<number>(21).fill(0), ...Array<number>(51).fill(1)]);
    const [zero, one] = [choice(stream, 0), choice(stream, 1)];
    expect(zero.text).toBe("\n\nWhat's a mango's favorite game?\n\nHide-and-go-seek!");
    expect([zero.finishReason, one.finishReason]).toEqual(['stop', 'stop']);
    expect([zero.tokens.length, one.tokens.length]).toEqual([21, 51]);
    // Each choice ends with an empty-text chunk whose token is <|endoftext|> (sent as \u003c…\u003e).
    for (const entry of [zero, one]) {
      expect(entry.tokens.at(-1)?.token).toBe('<|endoftext|>');
      expect(joined(entry.tokens.slice(0, -1))).toBe(entry.text);
    }
    // Offsets continue from each prompt's length.
    expect(zero.tokens.map((token) => token.offset).slice(0, 3)).toEqual([31, 32, 33]);
    expect(one.tokens.map((token) => token.offset).slice(0, 3)).toEqual([45, 46, 47]);
    expect(one.tokens.at(-1)?.offset).toBe(292);
    expect(stream.usage).toBeNull();
  },

  'azsdk-net-openai-davinci002-echo-logprobs-bestof.json': () => {
    const completion = readCompletion('azsdk-net-openai-davinci002-echo-logprobs-bestof.json');
    const tokens = tokensOf(completion);
    expect(tokens).toHaveLength(59);
    expect(tokens[0]).toEqual({ token: 'Are', logprob: null, top: null, bytes: null, offset: 0 });
    expect(tokens[28]).toEqual({
      token: 'ically',
      logprob: 0,
      top: [['ically', 0]],
      bytes: null,
      offset: 137,
    });
    expect(tokens[6]?.logprob).toBe(-8.4157e-6);
    expect(tokens.filter((token) => token.token === ' "').length).toBe(2);
    expect(joined(tokens)).toBe(first(completion).text);
    expect(first(completion).finishReason).toBe('stop');
    expect(completion.usage).toEqual({ promptTokens: 5, completionTokens: 95, totalTokens: 100 });
  },

  'azsdk-net-openai-davinci002-stream-2prompts-logprobs1.sse': () => {
    const stream = readStream('azsdk-net-openai-davinci002-stream-2prompts-logprobs1.sse');
    expect(stream.chunks).toHaveLength(58);
    // Interleaved: choice 1 starts, choice 0 joins.
    expect(stream.arrival.slice(0, 5)).toEqual([1, 1, 1, 1, 0]);
    const [zero, one] = [choice(stream, 0), choice(stream, 1)];
    expect(zero.text).toBe('\n\nHow do you catch a mango?\n\nYou cut it open and hope it falls out.');
    expect([zero.tokens.length, one.tokens.length]).toEqual([21, 37]);
    expect(joined(zero.tokens)).toBe(zero.text);
    expect(joined(one.tokens)).toBe(one.text);
    expect([zero.tokens[0]?.offset, one.tokens[0]?.offset]).toEqual([31, 45]);
    expect(one.tokens[0]?.logprob).toBe(-1.4377073e-5);
    // No finish_reason was ever sent, and no usage: a client must treat this as unfinished.
    expect([zero.finishReason, one.finishReason]).toEqual([null, null]);
    expect(stream.usage).toBeNull();
  },

  'bifrost-docs-text-completion-HANDWRITTEN.json': () => {
    // Hand-written docs example with `message` instead of `text`: only the shape is trusted.
    const completion = readCompletion('bifrost-docs-text-completion-HANDWRITTEN.json');
    expect(completion.choices).toEqual([{ index: 0, text: '', finishReason: 'stop', tokens: null }]);
    expect(completion.usage).toEqual({ promptTokens: 8, completionTokens: 25, totalTokens: 33 });
    expect(completion.extraFields).toEqual({ provider: 'anthropic', model_params: {}, latency: 2.1 });
    expect(withExtraFields({ headers: {} }, completion.extraFields)).toMatchObject({ provider: 'anthropic' });
  },

  'dd-azure-gpt35-content-filter.json': () => {
    const completion = readCompletion('dd-azure-gpt35-content-filter.json');
    expect(completion).toMatchObject({
      id: 'cmpl-80yXLPWze5qul39qHFOlO1j7VViFv',
      model: 'gpt-35-turbo',
      created: 1695243395,
    });
    expect(first(completion)).toEqual({
      index: 0,
      text: '". The answer is that languages are not just a collection of words, but also a collection of cultural',
      finishReason: 'length',
      tokens: null,
    });
    expect(completion.usage).toEqual({ promptTokens: 16, completionTokens: 20, totalTokens: 36 });
  },

  'dd-openai-401-invalid-key-escaped.json': () => {
    const error = readError('dd-openai-401-invalid-key-escaped.json');
    expect(error).toEqual({
      message:
        'Incorrect API key provided: <not-a-r****key>. You can find your API key at https://platform.openai.com/account/api-keys.',
      type: 'invalid_request_error',
      code: 'invalid_api_key',
    });
    const runError = classifyHttpError({
      url: 'https://api.openai.com/v1/completions',
      status: 401,
      headers: { 'content-type': 'application/json' },
      bodyText: read('dd-openai-401-invalid-key-escaped.json'),
    });
    expect(runError).toMatchObject({
      kind: 'auth',
      title: 'The provider rejected the key',
      code: 'invalid_api_key',
    });
    expect(runError.message).toContain('Incorrect API key provided: <not-a-r****key>.');
  },

  'dd-openai-401-invalid-key-on-stream.json': () => {
    const error = readError('dd-openai-401-invalid-key-on-stream.json');
    expect(error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_api_key' });
    expect(error.message).toContain('sk-wrong****-key');
    expect(error.param).toBeUndefined();
  },

  'dd-openai-ada-n2.json': () => {
    const completion = readCompletion('dd-openai-ada-n2.json');
    expect(completion.choices.map((entry) => [entry.index, entry.finishReason, entry.text])).toEqual([
      [0, 'length', ', relax!” I said to my laptop'],
      [1, 'stop', ' (1'],
    ]);
    expect(completion.usage).toEqual({ promptTokens: 2, completionTokens: 12, totalTokens: 14 });
  },

  'dd-openai-instruct-400-invalid-token.json': () => {
    const error = readError('dd-openai-instruct-400-invalid-token.json');
    expect(error).toEqual({
      message: 'Invalid token in prompt: 123456. Minimum value is 0, maximum value is 100257 (inclusive).',
      type: 'invalid_request_error',
    });
    const runError = classifyHttpError({
      url: 'https://api.openai.com/v1/completions',
      status: 400,
      headers: { 'content-type': 'application/json' },
      bodyText: read('dd-openai-instruct-400-invalid-token.json'),
    });
    expect(runError).toMatchObject({
      kind: 'bad_request',
      title: 'Bad request (400)',
      type: 'invalid_request_error',
    });
    expect(runError.param).toBeUndefined();
  },

  'dd-openai-instruct-korean.json': () => {
    const completion = readCompletion('dd-openai-instruct-korean.json');
    expect(first(completion).text).toBe(
      '\n안녕하세요. 저는 인공지능 언어모델입니다. 저는 시계 기능을 가지고 있지 않기 때문에 현재 시간을 알려드리지 못해요. 이 점 양해 부탁드립니다.',
    );
    expect(first(completion).finishReason).toBe('stop');
    expect(completion.model).toBe('gpt-3.5-turbo-instruct:20230824-v2');
    expect(completion.usage).toEqual({ promptTokens: 13, completionTokens: 73, totalTokens: 86 });
  },

  'dd-openai-instruct-stream-length.sse': () => {
    const stream = readStream('dd-openai-instruct-stream-length.sse');
    expect(stream.frames).toHaveLength(218);
    expect(stream.chunks).toHaveLength(217);
    expect(stream.endsWithDone).toBe(true);
    // finish_reason "length" on the last token chunk AND on a trailing empty chunk.
    const finishing = stream.chunks
      .map((chunk) => must(chunk.choices[0]))
      .filter((entry) => entry.finishReason);
    expect(finishing.map((entry) => [entry.text, entry.finishReason])).toEqual([
      [' the', 'length'],
      ['', 'length'],
    ]);
    const text = choice(stream, 0).text;
    expect(text).toHaveLength(1384);
    expect(
      text.startsWith('\n\n1. Determine Your Audience: The first step in writing technical documentation'),
    ).toBe(true);
    expect(new Set(stream.chunks.map((chunk) => chunk.id))).toEqual(
      new Set(['cmpl-C47KaBSfB2JzEtaWjrvuP7NlIbbEg']),
    );
    expect(stream.usage).toBeNull();
  },

  'dd-openai-instruct-two-prompts.json': () => {
    const completion = readCompletion('dd-openai-instruct-two-prompts.json');
    expect(completion.choices.map((entry) => entry.finishReason)).toEqual(['length', 'stop']);
    expect(completion.choices[1]?.text).toBe('\nSpongebob has failed his road test a total of 47 times. ');
    expect(completion.usage).toEqual({ promptTokens: 23, completionTokens: 273, totalTokens: 296 });
  },

  'issue-llamacpp-b5428-stream-excerpt.sse': () => {
    const stream = readStream('issue-llamacpp-b5428-stream-excerpt.sse');
    expect(stream.chunks).toHaveLength(3);
    expect(choice(stream, 0)).toMatchObject({ text: ' culture,', finishReason: 'length', tokens: [] });
    const last = must(stream.chunks.at(-1));
    expect(last).toMatchObject({
      id: 'chatcmpl-hYFX7uFFebs6Es7OFjrk1NOM7cmifCSA',
      model: 'deepseek',
      systemFingerprint: 'b5428-f0adb80b',
      usage: { promptTokens: 5, completionTokens: 7, totalTokens: 12 },
    });
    expect(stream.chunks[0]?.usage).toBeNull();
  },

  'issue-openai-429-rate-limit-requests.json': () => {
    const error = readError('issue-openai-429-rate-limit-requests.json');
    expect(error.type).toBe('requests');
    expect(error.message.startsWith('Rate limit reached for default-gpt-3.5-turbo')).toBe(true);
    const runError = classifyHttpError({
      url: 'https://api.openai.com/v1/chat/completions',
      status: 429,
      headers: { 'content-type': 'application/json' },
      bodyText: read('issue-openai-429-rate-limit-requests.json'),
    });
    // No Retry-After header in the recording: the wait comes from "Please try again in 20s".
    expect(runError).toMatchObject({
      kind: 'rate_limited',
      title: 'Rate limited',
      retryAfterSeconds: 20,
      type: 'requests',
    });
    expect(runError.message.endsWith('Retry after 20 s.')).toBe(true);
  },

  'langstream-azure-instruct-stream-logprobs5.sse': () => {
    const stream = readStream('langstream-azure-instruct-stream-logprobs5.sse');
    expect(stream.chunks).toHaveLength(17);
    const entry = choice(stream, 0);
    expect(entry.text).toBe('\n\nI am an AI language model and I do not have personal experiences or the');
    expect(entry.finishReason).toBe('length');
    expect(entry.tokens).toHaveLength(16);
    expect(entry.tokens.every((token) => token.top?.length === 5)).toBe(true);
    expect(joined(entry.tokens)).toBe(entry.text);
    expect(entry.tokens[0]).toMatchObject({ token: '\n\n', offset: 36 });
    // The sampled token is not the most likely one: alternatives are sorted, the token keeps its own logprob.
    const language = must(entry.tokens.find((token) => token.token === ' language'));
    expect(language.logprob).toBe(-4.2176867);
    expect(language.top?.[0]).toEqual([' and', -0.03018677]);
    // The trailing chunk has empty logprob arrays: zero tokens, not null.
    expect(stream.chunks.at(-1)?.choices[0]).toEqual({
      index: 0,
      text: '',
      finishReason: 'length',
      tokens: [],
    });
  },

  'litellm-openai-davinci002-echo-1token.json': () => {
    const completion = readCompletion('litellm-openai-davinci002-echo-1token.json');
    expect(tokensOf(completion)).toEqual([
      { token: 'hello', logprob: null, top: null, bytes: null, offset: 0 },
      { token: ' crisp', logprob: -12.203847, top: [[',', -2.1568563]], bytes: null, offset: 5 },
    ]);
    expect(completion.systemFingerprint).toBeUndefined();
    expect(completion.usage).toEqual({ promptTokens: 1, completionTokens: 1, totalTokens: 2 });
  },

  'lmeval-llama-cpp-python-echo-top10.json': () => {
    const completion = readCompletion('lmeval-llama-cpp-python-echo-top10.json');
    expect(completion.model).toBe('../llama-2-7b.Q8_0.gguf');
    const tokens = tokensOf(completion);
    expect(tokens.map((token) => [token.token, token.logprob, token.offset])).toEqual([
      [' string', null, 0],
      ['(', -1.033263319857306, 7],
    ]);
    expect(tokens[1]?.top).toHaveLength(10);
    expect(tokens[1]?.top?.[0]).toEqual(['(', -1.033263319857306]);
    expect(tokens[1]?.top?.[9]).toEqual(['()', -4.426229113466925]);
    expect(first(completion).text).toBe('string(');
  },

  'lmeval-openai-ada-2021-06-stop-logprobs10.json': () => {
    const completion = readCompletion('lmeval-openai-ada-2021-06-stop-logprobs10.json');
    const tokens = tokensOf(completion);
    expect(first(completion)).toMatchObject({ text: ' dog', finishReason: 'stop' });
    // Logprobs cover tokens past the stop sequence, with clamped offsets.
    expect(tokens.map((token) => token.token)).toEqual([
      ' dog',
      '.',
      '\n',
      '\n',
      'The',
      ' quick',
      ' brown',
      ' fox',
    ]);
    expect(tokens.map((token) => token.offset)).toEqual([39, 43, 43, 43, 43, 43, 43, 43]);
    expect(tokens.every((token) => token.top?.length === 10)).toBe(true);
    // The byte-fallback key is kept literally (backslashes included).
    expect(tokens[1]?.top?.slice(0, 5)).toEqual([
      ['.', -1.1673456],
      [',', -1.9464583],
      [' and', -2.5393176],
      ['."', -3.073875],
      [BYTE_TOKEN, -3.096623],
    ]);
    expect(tokens[2]?.top?.some(([token]) => token === '<|endoftext|>')).toBe(true);
    expect(completion.usage).toBeNull();
  },

  'lmeval-openai-ada-2021-11-stop-logprobs5.json': () => {
    const completion = readCompletion('lmeval-openai-ada-2021-11-stop-logprobs5.json');
    const tokens = tokensOf(completion);
    expect(tokens).toHaveLength(8);
    expect(tokens.every((token) => token.top?.length === 5)).toBe(true);
    expect(tokens[1]?.top?.map(([token]) => token)).toContain(BYTE_TOKEN);
    expect(tokens[0]).toMatchObject({ token: ' dog', logprob: -0.90903497, offset: 39 });
    expect(completion.usage).toBeNull();
  },

  'lmeval-openai-ada-echo-13docs-large.json': () => {
    const completion = readCompletion('lmeval-openai-ada-echo-13docs-large.json');
    expect(completion.choices.map((entry) => entry.index)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
    expect(completion.choices.map((entry) => entry.tokens?.length)).toEqual([
      237, 137, 50, 43, 39, 31, 22, 18, 11, 11, 9, 9, 2,
    ]);
    for (const entry of completion.choices) {
      const tokens = must(entry.tokens);
      expect(tokens[0]).toMatchObject({ logprob: null, top: null, offset: 0 });
      expect(joined(tokens)).toBe(entry.text);
      expect(entry.finishReason).toBe('length');
    }
    expect(completion.choices[4]?.text).toContain('§');
    expect(tokensOf(completion)[79]?.top?.map(([token]) => token)).toContain(BYTE_TOKEN);
    expect(tokensOf(completion)[220]?.top?.map(([token]) => token)).toContain('<|endoftext|>');
  },

  'lmeval-openai-ada-echo-4prompts.json': () => {
    const completion = readCompletion('lmeval-openai-ada-echo-4prompts.json');
    expect(completion.choices.map((entry) => entry.text)).toEqual([
      ' on the cross-entropy',
      ' cross-entropy loss.',
      ' laws for language model performance on',
      '<|endoftext|>We study empirical scaling laws',
    ]);
    for (const entry of completion.choices) {
      const tokens = must(entry.tokens);
      expect(tokens).toHaveLength(6);
      expect(tokens[0]).toMatchObject({ logprob: null, top: null, offset: 0 });
      expect(joined(tokens)).toBe(entry.text);
    }
    expect(tokensOf(completion, 3)[0]?.token).toBe('<|endoftext|>');
    expect(tokensOf(completion, 3)[2]?.top?.map(([token]) => token)).toContain(BYTE_TOKEN);
  },

  'lmeval-openai-ada-echo-endoftext-prefix.json': () => {
    const completion = readCompletion('lmeval-openai-ada-echo-endoftext-prefix.json');
    const tokens = tokensOf(completion);
    expect(first(completion).text).toBe(
      '<|endoftext|>We study empirical scaling laws for language model performance on the cross-entropy loss.',
    );
    expect(tokens).toHaveLength(18);
    expect(tokens.slice(0, 3).map((token) => token.offset)).toEqual([0, 13, 15]);
    expect(tokens[0]).toMatchObject({ token: '<|endoftext|>', logprob: null, top: null });
    expect(tokens[17]).toMatchObject({ token: '.', logprob: -2.879759, offset: 101 });
  },

  'mindie-qwen25-stream-beam-n2-logprobs2.sse': () => {
    const stream = readStream('mindie-qwen25-stream-beam-n2-logprobs2.sse');
    // One event carries both choices with full text, logprobs and usage.
    expect(stream.chunks).toHaveLength(1);
    expect(stream.chunks[0]?.choices.map((entry) => entry.index)).toEqual([0, 1]);
    expect(stream.endsWithDone).toBe(true);
    const [zero, one] = [choice(stream, 0), choice(stream, 1)];
    expect([zero.text, one.text]).toEqual(['\nI am a large', '\n\nI am a large']);
    expect([zero.finishReason, one.finishReason]).toEqual(['length', 'length']);
    expect(zero.tokens.map((token) => token.offset)).toEqual([0, 1, 2, 5, 7]);
    expect(one.tokens.map((token) => token.offset)).toEqual([13, 15, 16, 19, 21]);
    expect(one.tokens[0]?.top).toEqual([
      ['\n', -1.8828125],
      ['\n\n', -2.0],
    ]);
    expect(stream.usage).toEqual({ promptTokens: 3, completionTokens: 10, totalTokens: 13 });
  },

  'openllmetry-openai-davinci002-basic.json': () => {
    const completion = readCompletion('openllmetry-openai-davinci002-basic.json');
    expect(completion.model).toBe('davinci:2023-07-21-v2');
    expect(first(completion)).toMatchObject({ finishReason: 'length', tokens: null });
    expect(first(completion).text.startsWith(' metrics !\n\nCategories')).toBe(true);
    expect(completion.usage).toEqual({ promptTokens: 8, completionTokens: 16, totalTokens: 24 });
  },

  'openllmetry-openai-davinci002-stream-emoji.sse': () => {
    const stream = readStream('openllmetry-openai-davinci002-stream-emoji.sse');
    expect(stream.chunks).toHaveLength(9);
    expect(stream.chunks[3]?.choices[0]?.text).toBe(' 🙂\n\n');
    expect(choice(stream, 0)).toMatchObject({
      text: '-stacktrace then 🙂\n\nName *\n\nEmail *',
      finishReason: 'stop',
    });
    expect(stream.usage).toBeNull();
  },

  'openllmetry-together-mixtral.json': () => {
    const completion = readCompletion('openllmetry-together-mixtral.json');
    expect(completion).toMatchObject({
      id: '88fa66988e400e83-MXP',
      model: 'mistralai/Mixtral-8x7B-Instruct-v0.1',
    });
    expect(first(completion).finishReason).toBe('length');
    expect(first(completion).text).toContain(
      'exporter, err := zipkin.New("http://localhost:9411/api/v2/spans")',
    );
    expect(completion.usage).toEqual({ promptTokens: 10, completionTokens: 512, totalTokens: 522 });
  },

  'openllmetry-vllm-opt125m-stream.sse': () => {
    const stream = readStream('openllmetry-vllm-opt125m-stream.sse');
    expect(stream.chunks).toHaveLength(20);
    expect(stream.chunks.every((chunk) => chunk.usage === null)).toBe(true);
    expect(choice(stream, 0)).toMatchObject({
      text: '.\n\n"Human" here means "someone who has access to the Open Telemetry network."',
      finishReason: 'length',
    });
    expect(stream.chunks.slice(0, -1).every((chunk) => chunk.choices[0]?.finishReason === null)).toBe(true);
  },

  'openllmetry-vllm-opt125m.json': () => {
    const completion = readCompletion('openllmetry-vllm-opt125m.json');
    expect(first(completion)).toEqual({
      index: 0,
      text: '\n\nTelemetry is an important part of the Open Telemetry community.\n\nPeople who are',
      finishReason: 'length',
      tokens: null,
    });
    expect(completion.usage).toEqual({ promptTokens: 20, completionTokens: 20, totalTokens: 40 });
  },

  'ruby-openai-content-filter-logprobs10.json': () => {
    const completion = readCompletion('ruby-openai-content-filter-logprobs10.json');
    expect(tokensOf(completion)).toEqual([
      {
        token: '2',
        logprob: -0.21323708,
        top: [
          ['2', -0.21323708],
          ['0', -1.9954998],
          ['1', -2.8919287],
          ['3', -9.250633],
          ['4', -10.043808],
        ],
        bytes: null,
        offset: 42,
      },
    ]);
    expect(completion.usage).toBeNull();
  },

  'ruby-openai-instruct-basic.json': () => {
    const completion = readCompletion('ruby-openai-instruct-basic.json');
    expect(first(completion)).toEqual({
      index: 0,
      text: ', there stood a wizard',
      finishReason: 'length',
      tokens: null,
    });
    expect(completion.usage).toEqual({ promptTokens: 4, completionTokens: 5, totalTokens: 9 });
  },

  'tgi-llama31-four-prompts-stream-chunks.json': () => {
    const raw = readJson('tgi-llama31-four-prompts-stream-chunks.json');
    expect(Array.isArray(raw)).toBe(true);
    expect(() => normalizeCompletion(raw)).toThrow(
      'not a completion response: expected a JSON object, got an array',
    );
    const chunks = (raw as unknown[]).map((chunk) => normalizeCompletion(chunk));
    expect(chunks).toHaveLength(40);
    const stream = accumulate(chunks);
    expect(stream.arrival.slice(0, 8)).toEqual([0, 1, 2, 3, 0, 1, 2, 3]);
    // '' finish_reason while unfinished becomes null; each choice's last chunk says "length" and carries usage.
    expect(chunks.filter((chunk) => chunk.choices[0]?.finishReason === null)).toHaveLength(36);
    expect(
      chunks.slice(-4).map((chunk) => [chunk.choices[0]?.finishReason, chunk.usage?.promptTokens]),
    ).toEqual([
      ['length', 6],
      ['length', 5],
      ['length', 8],
      ['length', 3],
    ]);
    expect(chunks.every((chunk) => chunk.id === undefined)).toBe(true);
    // Same seed and temperature 0: the streamed texts equal the non-streamed ones.
    const unordered = readCompletion('tgi-llama31-four-prompts-unordered.json');
    for (const entry of unordered.choices) expect(stream.choices.get(entry.index)?.text).toBe(entry.text);
  },

  'tgi-llama31-four-prompts-unordered.json': () => {
    const completion = readCompletion('tgi-llama31-four-prompts-unordered.json');
    expect(completion.choices.map((entry) => [entry.index, entry.text])).toEqual([
      [0, ' A Beginner’s Guide\nDeep learning is a subset'],
      [1, ' This is a question that has puzzled many people for'],
      [2, ' Paris\nWhat is the capital of France?\nThe'],
      [3, 'usculas_minusculas(s):\n    """\n'],
    ]);
    expect(completion.id).toBeUndefined();
    expect(completion.systemFingerprint).toBe('3.1.2-dev0-native');
    expect(completion.usage).toEqual({ promptTokens: 22, completionTokens: 40, totalTokens: 62 });
  },

  'tgi-llama31-single-prompt.json': () => {
    const completion = readCompletion('tgi-llama31-single-prompt.json');
    expect(first(completion).text).toBe(' A Beginner’s Guide\nDeep learning is a subset');
    expect(completion).toMatchObject({ systemFingerprint: '3.1.2-dev0-native', created: 1741264812 });
    expect(completion.id).toBeUndefined();
    expect(completion.usage).toEqual({ promptTokens: 6, completionTokens: 10, totalTokens: 16 });
  },

  'vercel-ai-openai-instruct-basic.json': () => {
    const completion = readCompletion('vercel-ai-openai-instruct-basic.json');
    expect(first(completion).text).toBe(
      'The new holiday is called "Gratitude Day" and it celebrates the importance of',
    );
    expect(completion.usage).toEqual({ promptTokens: 14, completionTokens: 16, totalTokens: 30 });
  },

  'vercel-ai-openai-instruct-stream-include-usage.sse': () => {
    const stream = readStream('vercel-ai-openai-instruct-stream-include-usage.sse');
    expect(stream.chunks).toHaveLength(17);
    // The include_usage final chunk: no choices, usage only.
    expect(stream.chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { promptTokens: 14, completionTokens: 16, totalTokens: 30 },
    });
    expect(stream.chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
    expect(choice(stream, 0)).toMatchObject({
      text: 'The holiday is called "Gratitude Day" and it is a day dedicated to',
      finishReason: 'length',
      chunks: 16,
    });
  },

  'vercel-ai-stream-midstream-error-event.sse': () => {
    const stream = readStream('vercel-ai-stream-midstream-error-event.sse');
    expect(stream.chunks).toEqual([]);
    expect(stream.errors).toEqual([
      {
        message:
          'The server had an error processing your request. Sorry about that! You can retry your request, or contact us through our help center at help.openai.com if you keep seeing this error.',
        type: 'server_error',
      },
    ]);
    expect(stream.endsWithDone).toBe(true);
    const frame = must(stream.frames[0]);
    const runError = streamErrorFromFrame('https://api.openai.com/v1/completions', frame.data, frame.event);
    expect(runError).toMatchObject({ kind: 'stream_error', type: 'server_error', raw: frame.data });
    expect(runError.message.startsWith('The server had an error processing your request.')).toBe(true);
  },
};

describe.skipIf(!present)('real recorded responses', () => {
  it('has facts for every response fixture, and every fact names a fixture', () => {
    expect(responseFiles.length).toBeGreaterThan(0);
    expect(Object.keys(facts).sort()).toEqual(responseFiles);
  });

  it.each(responseFiles)('%s', (name) => {
    if (name.endsWith('.sse')) {
      const stream = readStream(name);
      expect(stream.endsWithDone).toBe(true);
      stream.chunks.forEach(expectWellFormed);
      // An error frame is not a completion: it normalises to zero choices.
      for (const frame of stream.frames.filter((entry) => entry.data !== '[DONE]')) {
        const json = JSON.parse(frame.data) as unknown;
        if (detectErrorPayload(json)) expect(normalizeCompletion(json).choices).toEqual([]);
      }
    } else {
      const json = readJson(name);
      if (!Array.isArray(json)) expectWellFormed(normalizeCompletion(json));
    }
    must(facts[name], `facts for ${name}`)();
  });

  it.each(requestFiles)('%s is a request body, not a completion', (name) => {
    const json = readJson(name);
    expect(() => normalizeCompletion(json)).toThrow(/^not a completion response: it has no "choices" field/);
    expect(detectErrorPayload(json)).toBeNull();
  });

  it('INDEX.md describes every response fixture, and nothing else is in the folder', () => {
    expect(otherFiles).toEqual(['INDEX.md']);
    const index = read('INDEX.md');
    for (const name of responseFiles) expect(index, name).toContain(`\`${name}\``);
  });
});
