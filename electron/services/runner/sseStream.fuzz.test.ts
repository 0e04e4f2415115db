// Fuzz tests of the streaming pipeline (bytes → SSE frames → chunks → batches → terminal event),
// driven through the real run manager with a fake fetch whose body hands out chunks exactly as cut.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '@shared/contracts/api';
import type { Profile } from '@shared/contracts/profiles';
import type { RunError, RunSummary } from '@shared/contracts/runs';
import { RAW_LIMIT } from '@shared/completions/errorText';
import { detectErrorPayload } from '@shared/completions/normalize';
import { unpackTokens } from '@shared/logprobs/packedTokens';
import { recordingClient, type RecordedEvent } from '../testing/runHarness';
import { createRunManager } from './runManager';
import { createSseDecoder, type SseFrame } from './sseDecoder';

/** Real recorded streams, read in place (see INDEX.md there); never copied into the repo. */
const FIXTURES = path.resolve(import.meta.dirname, '../../../../shared/fixtures/real-responses');
const present = existsSync(FIXTURES);
if (!present) console.warn(`Skipping the recorded-stream fuzz properties: ${FIXTURES} does not exist.`);
const streamNames = present ? readdirSync(FIXTURES).filter((name) => name.endsWith('.sse')) : [];
const streamBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Every property's wall-clock budget (fast-check stops early and reports how many runs it did). */
const TIME_LIMIT_MS = 2000;
/** A run that has not ended by then counts as a hang. */
const HANG_MS = 5000;

const profile: Profile = {
  id: 'p',
  name: 'P',
  kind: 'openai-compatible',
  baseUrl: 'http://gateway.test',
  endpoint: '/v1/completions',
  headers: {},
};

/** Time stands still and timers never fire: a batch goes out only before the terminal event. */
const frozenClock = { now: () => 0, setTimer: () => ({}), clearTimer: () => undefined };

/** A body that hands out exactly these chunks, one per read. */
function bodyOf(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
  });
}

interface TokenRow {
  token: string;
  logprob: number | null;
  top: Array<[string, number]> | null;
  offset: number | null;
}

/** What a run showed the user: text and tokens per choice, the finished choices, the end. */
interface Outcome {
  terminal: RecordedEvent['name'];
  error: RunError | undefined;
  summary: RunSummary;
  text: Record<number, string>;
  tokens: Record<number, TokenRow[]>;
  finished: Array<{ index: number; finishReason: string | null }>;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no terminal event within ${ms} ms (hang)`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runChunks(chunks: readonly Uint8Array[], contentType = 'text/event-stream'): Promise<Outcome> {
  return (await runChunksWithEvents(chunks, contentType)).outcome;
}

async function runChunksWithEvents(
  chunks: readonly Uint8Array[],
  contentType = 'text/event-stream',
): Promise<{ outcome: Outcome; events: RecordedEvent[] }> {
  const manager = createRunManager({
    fetch: async () =>
      new Response(bodyOf(chunks), { status: 200, headers: { 'content-type': contentType } }),
    resolveProfile: () => profile,
    resolveKey: () => undefined,
    ...frozenClock,
  });
  const client = recordingClient();
  await manager.start(
    { runId: 'r', profileId: 'p', params: { model: 'm', prompt: 'p', stream: true } },
    client,
  );
  const terminal = await withTimeout(client.terminal('r'), HANG_MS, `${chunks.length} chunks`);
  await manager.settled('r', client.clientId);
  const tokens: Record<number, TokenRow[]> = {};
  const finished: Outcome['finished'] = [];
  for (const event of client.of('r')) {
    if (event.name !== 'run.batch') continue;
    const batch = event.payload as EventPayload<'run.batch'>;
    finished.push(...(batch.finished ?? []));
    if (!batch.tokens) continue;
    const columns = unpackTokens(batch.tokens);
    columns.token.forEach((token, row) => {
      (tokens[columns.choice[row] ?? -1] ??= []).push({
        token,
        logprob: columns.logprob[row] ?? null,
        top: columns.top[row] ?? null,
        offset: columns.offset?.[row] ?? null,
      });
    });
  }
  const payload = terminal.payload as EventPayload<'run.failed'>;
  const outcome: Outcome = {
    terminal: terminal.name,
    error: terminal.name === 'run.failed' ? payload.error : undefined,
    summary: payload.summary,
    text: client.text('r'),
    tokens,
    finished,
  };
  return { outcome, events: client.events };
}

/** The frames the decoder gives for these chunks. */
function framesOf(chunks: readonly Uint8Array[]): SseFrame[] {
  const frames: SseFrame[] = [];
  const sse = createSseDecoder((frame) => frames.push(frame));
  for (const piece of chunks) sse.push(piece);
  sse.end();
  return frames;
}

/** Cuts `bytes` at the given positions (any order, duplicates and ends allowed: empty chunks too). */
function cut(bytes: Uint8Array, positions: readonly number[]): Uint8Array[] {
  const sorted = [...positions].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const position of sorted) {
    chunks.push(bytes.subarray(start, position));
    start = position;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
}

/** The text per choice, read off the recording by hand (independent of the runner). */
function expectedText(sse: string): Record<number, string> {
  const text: Record<number, string> = {};
  for (const block of sse.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''))
      .join('\n');
    if (data === '' || data === '[DONE]') continue;
    const json = JSON.parse(data) as { choices?: Array<{ index: number; text?: string }> };
    for (const choice of json.choices ?? []) {
      if (choice.text) text[choice.index] = (text[choice.index] ?? '') + choice.text;
    }
  }
  return text;
}

const crlf = (bytes: Uint8Array): Uint8Array =>
  encoder.encode(decoder.decode(bytes).replace(/\r?\n/g, '\r\n'));

/** The recordings, plus CRLF variants (so cuts fall between `\r` and `\n`). */
const variants = streamNames.flatMap((name) => {
  const bytes = streamBytes(name);
  return [
    { name, bytes },
    { name: `${name} (CRLF)`, bytes: crlf(bytes) },
  ];
});

describe.skipIf(!present)('recorded streams cut anywhere give the same run as the whole body', () => {
  // Small streams with what matters most: a 4-byte emoji, a mid-stream error, llama.cpp, beam n=2 logprobs.
  const exhaustive = [
    'openllmetry-openai-davinci002-stream-emoji.sse',
    'vercel-ai-stream-midstream-error-event.sse',
    'issue-llamacpp-b5428-stream-excerpt.sse',
    'mindie-qwen25-stream-beam-n2-logprobs2.sse',
  ];

  it('the whole bodies themselves give the recorded text (the reference is sound)', async () => {
    for (const { name, bytes } of variants) {
      const whole = await runChunks([bytes]);
      expect(whole.text, name).toEqual(expectedText(decoder.decode(bytes)));
    }
    const emoji = await runChunks([streamBytes(exhaustive[0] ?? '')]);
    expect(emoji.terminal).toBe('run.completed');
    expect(emoji.text[0]).toContain('🙂');
    const midstream = await runChunks([streamBytes(exhaustive[1] ?? '')]);
    expect(midstream.error?.message).toContain('The server had an error processing your request');
  });

  // Where the bytes are cut matters only to the decoder (the run loop pushes chunks as they come and
  // everything after the decoder sees whole frames), so every cut point of every variant is checked on
  // the decoder's frames, and the whole pipeline (events, text, tokens, summary) on the emoji stream.
  it.each(exhaustive.flatMap((name) => [name, `${name} (CRLF)`]))(
    '%s: one cut at every byte position gives the same frames',
    (label) => {
      const variant = variants.find((v) => v.name === label);
      if (!variant) throw new Error(`no stream ${label}`);
      const { bytes } = variant;
      const whole = framesOf([bytes]);
      expect(whole.length).toBeGreaterThan(0);
      let multiByteCuts = 0;
      let crlfCuts = 0;
      for (let position = 0; position <= bytes.length; position++) {
        expect(framesOf(cut(bytes, [position])), `${label} cut at byte ${position}`).toEqual(whole);
        // A continuation byte right after the cut: the cut is inside a UTF-8 character.
        if (((bytes[position] ?? 0) & 0xc0) === 0x80) multiByteCuts++;
        if (bytes[position - 1] === 13 && bytes[position] === 10) crlfCuts++;
      }
      if (label.startsWith('openllmetry-openai-davinci002-stream-emoji')) expect(multiByteCuts).toBe(3);
      const pairs = decoder.decode(bytes).split('\r\n').length - 1;
      expect(crlfCuts).toBe(pairs);
      if (label.endsWith('(CRLF)')) expect(pairs).toBeGreaterThan(0);
    },
  );

  it('the emoji stream cut at every byte position gives the same run (events, text, summary)', async () => {
    const bytes = streamBytes(exhaustive[0] ?? '');
    const whole = await runChunks([bytes]);
    for (let position = 0; position <= bytes.length; position++) {
      expect(await runChunks(cut(bytes, [position])), `cut at byte ${position}`).toEqual(whole);
    }
  });

  it('random multi-cut splits of every recording (and its CRLF variant)', async () => {
    const wholes = new Map<string, Outcome>();
    for (const { name, bytes } of variants) wholes.set(name, await runChunks([bytes]));
    const split = fc.constantFrom(...variants).chain((variant) =>
      fc.record({
        variant: fc.constant(variant),
        positions: fc.array(fc.integer({ min: 0, max: variant.bytes.length }), { maxLength: 60 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(split, async ({ variant, positions }) => {
        const outcome = await runChunks(cut(variant.bytes, positions));
        expect(outcome).toEqual(wholes.get(variant.name));
      }),
      { numRuns: 1000, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });

  it('one byte per chunk gives the same run', async () => {
    for (const name of exhaustive) {
      const bytes = streamBytes(name);
      const whole = await runChunks([bytes]);
      const single = Array.from(bytes, (_byte, i) => bytes.subarray(i, i + 1));
      expect(await runChunks(single), name).toEqual(whole);
    }
  });
});

// ---- hostile and broken streams ----

const chunk = (index: number, text: string, finishReason: string | null = null): string =>
  `data: ${JSON.stringify({ id: 'c', object: 'text_completion', choices: [{ index, text, finish_reason: finishReason }] })}\n\n`;

/** Good frames that arrive before the garbage: their text must survive whatever follows. */
const goodPrefix = fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { maxLength: 4 });

const whitespaceNormalised = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A JSON value that is not a completion chunk (and not an error payload). */
const notAChunk = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.string({ maxLength: 20 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc
    .dictionary(
      fc.constantFrom('id', 'object', 'model', 'text', 'usage', 'created'),
      fc.jsonValue({ maxDepth: 2 }),
    )
    .map((record) => record as Record<string, unknown>),
  fc
    .jsonValue({ maxDepth: 2 })
    .filter((choices) => !Array.isArray(choices))
    .map((choices) => ({ id: 'c', choices })),
);

async function expectTextKept(prefixTexts: readonly string[], outcome: Outcome): Promise<void> {
  const arrived = prefixTexts.join('');
  expect((outcome.text[0] ?? '').startsWith(arrived)).toBe(true);
}

describe('garbage never escapes the pipeline, never hangs, and says what was wrong', () => {
  const options = { numRuns: 150, interruptAfterTimeLimit: TIME_LIMIT_MS };

  it('random bytes after good frames: a terminal event, the text kept, a non-empty message', async () => {
    await fc.assert(
      fc.asyncProperty(
        goodPrefix,
        fc.uint8Array({ maxLength: 2000 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (prefix, garbage, positions) => {
          const bytes = concat(encoder.encode(prefix.map((text) => chunk(0, text)).join('')), garbage);
          const outcome = await runChunks(
            cut(
              bytes,
              positions.map((p) => p % (bytes.length + 1)),
            ),
          );
          expect(['run.completed', 'run.failed']).toContain(outcome.terminal);
          await expectTextKept(prefix, outcome);
          if (outcome.error) {
            expect(outcome.error.title.length).toBeGreaterThan(5);
            expect(outcome.error.message.length).toBeGreaterThan(20);
          }
        },
      ),
      options,
    );
  });

  it('random text lines (any unicode, SSE fields, comments, empty lines) after good frames', async () => {
    const line = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ maxLength: 40 }).map((text) => `data: ${text}`),
      fc.string({ maxLength: 40 }).map((text) => `: ${text}`),
      fc.string({ maxLength: 10 }).map((text) => `event: ${text}`),
      fc.constantFrom('', '', 'data:', 'data: [DONE]', 'retry: x', 'id: 1', 'data'),
    );
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    await fc.assert(
      fc.asyncProperty(
        goodPrefix,
        fc.array(fc.tuple(line, eol), { maxLength: 30 }),
        async (prefix, lines) => {
          const text = prefix.map((t) => chunk(0, t)).join('') + lines.map(([l, e]) => l + e).join('');
          const outcome = await runChunks([encoder.encode(text)]);
          expect(['run.completed', 'run.failed']).toContain(outcome.terminal);
          await expectTextKept(prefix, outcome);
          if (outcome.error) expect(outcome.error.message.length).toBeGreaterThan(20);
        },
      ),
      options,
    );
  });

  it('a data: line with invalid JSON fails the run naming the frame, keeping the text', async () => {
    const invalidJson = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 200 })
      .filter((text) => !/[\r\n]/.test(text) && text.trim() !== '' && text.trim() !== '[DONE]')
      .filter((text) => {
        try {
          JSON.parse(text);
          return false;
        } catch {
          return true;
        }
      });
    await fc.assert(
      fc.asyncProperty(goodPrefix, invalidJson, async (prefix, data) => {
        const text = `${prefix.map((t) => chunk(0, t)).join('')}data: ${data}\n\n${chunk(0, 'after', 'stop')}`;
        const outcome = await runChunks([encoder.encode(text)]);
        expect(outcome.terminal).toBe('run.failed');
        expect(outcome.error?.kind).toBe('invalid_response');
        expect(outcome.error?.message).toContain('A stream event is not valid JSON');
        // The offending frame is quoted (its start, whitespace collapsed) and kept raw.
        const quoted = whitespaceNormalised(data).slice(0, 20);
        expect(whitespaceNormalised(outcome.error?.message ?? '')).toContain(quoted);
        expect(outcome.error?.raw).toBe(data);
        expect(outcome.text[0] ?? '').toBe(prefix.join(''));
      }),
      options,
    );
  });

  it('JSON of the wrong type fails the run with a message naming what is wrong', async () => {
    await fc.assert(
      fc.asyncProperty(goodPrefix, notAChunk, async (prefix, value) => {
        const text = `${prefix.map((t) => chunk(0, t)).join('')}data: ${JSON.stringify(value)}\n\n`;
        const outcome = await runChunks([encoder.encode(text)]);
        expect(outcome.terminal).toBe('run.failed');
        const message = outcome.error?.message ?? '';
        expect(message).toMatch(/^A stream event is not a completion response: /);
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
          expect(message).toMatch(/expected a JSON object, got (null|a number|a boolean|a string|an array)/);
        } else if ('choices' in value) {
          expect(message).toMatch(/"choices" is (null|a number|a boolean|a string|an object), not an array/);
        } else {
          expect(message).toContain('it has no "choices" field');
        }
        expect(outcome.text[0] ?? '').toBe(prefix.join(''));
      }),
      options,
    );
  });

  it('an error event or error payload mid-stream fails with the server’s words, keeping the text', async () => {
    const errorFrame = fc.oneof(
      fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: 80 })
        .filter((text) => !/[\r\n]/.test(text) && text.trim() !== '')
        .map((message) => ({ frame: `event: error\ndata: ${message}\n\n`, said: message })),
      fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: 80 })
        .filter((text) => text.trim() !== '')
        .map((message) => ({
          frame: `data: ${JSON.stringify({ error: { message, type: 'server_error' } })}\n\n`,
          said: message,
        })),
    );
    await fc.assert(
      fc.asyncProperty(goodPrefix, errorFrame, async (prefix, { frame, said }) => {
        const text = `${prefix.map((t) => chunk(0, t)).join('')}${frame}${chunk(0, 'never', 'stop')}`;
        const outcome = await runChunks([encoder.encode(text)]);
        expect(outcome.terminal).toBe('run.failed');
        expect(outcome.error?.kind).toBe('stream_error');
        const expected = whitespaceNormalised(said.replace(/^ /, '')).replace(/\.$/, '').slice(0, 40);
        expect(whitespaceNormalised(outcome.error?.message ?? '')).toContain(expected);
        expect(outcome.text[0] ?? '').toBe(prefix.join(''));
      }),
      options,
    );
  });

  it('comments, empty lines and other events between chunks change nothing', async () => {
    const noise = fc.oneof(
      fc.string({ maxLength: 30 }).map((text) => `:${text.replace(/[\r\n]/g, '')}\n`),
      fc.constantFrom('\n', '\n\n\n', '\r\n', 'event: ping\ndata: {}\n\n', 'id: 7\n', 'retry: abc\n'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.string({ maxLength: 10 }), fc.array(noise, { maxLength: 3 })), {
          minLength: 1,
          maxLength: 6,
        }),
        async (pieces) => {
          const text =
            pieces.map(([t, n]) => n.join('') + chunk(0, t)).join('') +
            chunk(0, '', 'stop') +
            'data: [DONE]\n\n';
          const outcome = await runChunks([encoder.encode(text)]);
          expect(outcome.terminal).toBe('run.completed');
          expect(outcome.text[0] ?? '').toBe(pieces.map(([t]) => t).join(''));
        },
      ),
      options,
    );
  });

  it('a stream without a finish reason or [DONE] ends as truncated, text kept', async () => {
    await fc.assert(
      fc.asyncProperty(goodPrefix, fc.boolean(), async (prefix, withDone) => {
        const text = prefix.map((t) => chunk(0, t)).join('') + (withDone ? 'data: [DONE]\n\n' : '');
        const outcome = await runChunks([encoder.encode(text)]);
        expect(outcome.terminal).toBe('run.failed');
        expect(outcome.error?.kind).toBe('truncated');
        expect(outcome.error?.message).toContain('without a finish reason');
        expect(outcome.text[0] ?? '').toBe(prefix.join(''));
      }),
      options,
    );
    // A finish reason without [DONE] is a complete stream.
    const done = await runChunks([encoder.encode(chunk(0, 'a') + chunk(0, 'b', 'stop'))]);
    expect(done).toMatchObject({ terminal: 'run.completed', text: { 0: 'ab' } });
  });

  it('huge frames: several MB in one line, as valid text or invalid JSON, in many pieces', async () => {
    const big = 'x'.repeat(6 * 1024 * 1024);
    const valid = encoder.encode(chunk(0, 'start ') + chunk(0, big) + chunk(0, '', 'stop'));
    const ok = await runChunks(
      cut(
        valid,
        Array.from({ length: 96 }, (_v, i) => i * 65536),
      ),
    );
    expect(ok.terminal).toBe('run.completed');
    expect(ok.text[0]).toBe(`start ${big}`);

    const invalid = encoder.encode(`${chunk(0, 'kept')}data: {"choices": [${big}\n\n`);
    const failed = await runChunks(
      cut(
        invalid,
        Array.from({ length: 96 }, (_v, i) => i * 65536),
      ),
    );
    expect(failed.terminal).toBe('run.failed');
    expect(failed.error?.message).toContain('A stream event is not valid JSON');
    expect(failed.error?.message).toContain('{"choices": [xxxxxxxx');
    expect(failed.error?.message.length).toBeLessThan(1000);
    expect(failed.error?.raw?.length).toBeLessThanOrEqual(RAW_LIMIT);
    expect(failed.text[0]).toBe('kept');

    // An unterminated huge last line is dropped (SSE spec): truncated, what arrived kept.
    const unterminated = encoder.encode(`${chunk(0, 'kept')}data: ${big}`);
    const cutOff = await runChunks(cut(unterminated, [1000, 3_000_000]));
    expect(cutOff.error?.kind).toBe('truncated');
    expect(cutOff.text[0]).toBe('kept');
  });

  it('JSON nested thousands deep in any field: every event can still be sent (JSON and IPC clone)', async () => {
    const field = fc.constantFrom(
      'extra_fields',
      'usage',
      'choices.0.logprobs',
      'choices.0.text',
      'model',
      'id',
    );
    await fc.assert(
      fc.asyncProperty(field, fc.integer({ min: 1, max: 30_000 }), async (where, depth) => {
        const nested = `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`;
        const value = `{"id":"c","choices":[{"index":0,"text":"hi","finish_reason":null,"logprobs":null}]}`;
        const [top, ...rest] = where.split('.');
        const json = JSON.parse(value) as Record<string, unknown>;
        const target = rest.length ? ((json.choices as Array<Record<string, unknown>>)[0] ?? {}) : json;
        target[rest.at(-1) ?? top ?? ''] = '__NESTED__';
        const frame = `data: ${JSON.stringify(json).replace('"__NESTED__"', nested)}\n\n`;
        const { events, outcome } = await runChunksWithEvents([
          encoder.encode(frame + chunk(0, '!', 'stop')),
        ]);
        expect(outcome.terminal).toBe('run.completed');
        expect(outcome.text[0]).toBe(where === 'choices.0.text' ? '!' : 'hi!');
        expect(() => JSON.stringify(events)).not.toThrow();
        expect(() => structuredClone(events)).not.toThrow();
      }),
      { numRuns: 40, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });

  it('an endless line (no newline, past 64 MiB) stops the run with a message, text kept', async () => {
    const mib = encoder.encode('x'.repeat(1024 * 1024));
    const chunks = [encoder.encode(`${chunk(0, 'kept')}data: `), ...Array.from({ length: 70 }, () => mib)];
    const outcome = await runChunks(chunks);
    expect(outcome.terminal).toBe('run.failed');
    expect(outcome.error?.title).toBe('A stream event is too large');
    expect(outcome.error?.message).toContain('One stream event exceeded 64 MiB without ending');
    expect(outcome.text[0]).toBe('kept');
  });

  it('many empty lines (1 MB of them) then a chunk: no event, no hang', async () => {
    const text = '\n'.repeat(1024 * 1024) + chunk(0, 'late', 'stop');
    const outcome = await runChunks(cut(encoder.encode(text), [4096, 500_000]));
    expect(outcome).toMatchObject({ terminal: 'run.completed', text: { 0: 'late' } });
  });
});

describe('non-streamed bodies: garbage is refused with the reason and the body’s start', () => {
  it('random text, JSON of the wrong type, JSON cut anywhere', async () => {
    const completion = JSON.stringify({
      id: 'c',
      choices: [{ index: 0, text: 'hello', finish_reason: 'stop' }],
    });
    const body = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 300 }).map((text) => ({ text, kind: 'text' as const })),
      notAChunk.map((value) => ({ text: JSON.stringify(value), kind: 'json' as const })),
      fc.nat(completion.length - 1).map((n) => ({ text: completion.slice(0, n), kind: 'text' as const })),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.array(fc.nat(), { maxLength: 4 }), async ({ text, kind }, positions) => {
        const bytes = encoder.encode(text);
        const outcome = await runChunks(
          cut(
            bytes,
            positions.map((p) => p % (bytes.length + 1)),
          ),
          'application/json',
        );
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        if (parsed !== undefined && detectErrorPayload(parsed)) return;
        expect(outcome.terminal).toBe('run.failed');
        expect(outcome.error?.kind).toBe('invalid_response');
        const message = outcome.error?.message ?? '';
        if (parsed === undefined && kind === 'text') {
          expect(message).toMatch(/^The server answered 200 but the body is not JSON\./);
          if (text.trim() !== '')
            expect(whitespaceNormalised(message)).toContain(whitespaceNormalised(text).slice(0, 20));
          else expect(message).toContain('empty body');
        } else if (Array.isArray((parsed as { choices?: unknown } | null)?.choices)) {
          expect(message).toContain('The response has no choices.');
        } else {
          expect(message).toMatch(
            /^The body is not a completion response: (expected a JSON object|it has no "choices" field|"choices" is)/,
          );
        }
        expect(outcome.error?.raw).toBe(text.slice(0, RAW_LIMIT));
      }),
      { numRuns: 200, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });
});

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
