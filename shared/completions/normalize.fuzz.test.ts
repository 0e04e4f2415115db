// Fuzz tests of response normalising: real recorded bodies and stream chunks with one field (at any
// depth) replaced by a value of the wrong type. Inputs are what JSON.parse can give plus other plain
// values (Map, Set, typed arrays, boxed values, null-prototype objects); not sparse arrays, which
// JSON.parse never makes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyHttpError, streamErrorFromFrame } from './classifyError';
import { isRecord } from './jsonShape';
import { detectErrorPayload, normalizeCompletion, type NormalizedCompletion } from './normalize';
import { anyHostileValue } from '../testing/hostileValues';

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/real-responses');
const present = existsSync(FIXTURES);
if (!present) console.warn(`Skipping the recorded-response fuzz properties: ${FIXTURES} does not exist.`);

type Json = unknown;

/** Every recorded body (arrays of chunks are split) and every `data:` frame of every stream. */
function recordedValues(): Array<{ source: string; value: Json }> {
  if (!present) return [];
  const values: Array<{ source: string; value: Json }> = [];
  for (const name of readdirSync(FIXTURES).sort()) {
    const text = readFileSync(path.join(FIXTURES, name), 'utf8');
    if (name.endsWith('.json') && !name.endsWith('.request.json')) {
      const json = JSON.parse(text) as Json;
      if (Array.isArray(json)) json.forEach((value, i) => values.push({ source: `${name}[${i}]`, value }));
      else values.push({ source: name, value: json });
    } else if (name.endsWith('.sse')) {
      text.split(/\r?\n/).forEach((line, i) => {
        const data = line.startsWith('data:') ? line.slice(5).trim() : '';
        if (data.startsWith('{'))
          values.push({ source: `${name}:${i + 1}`, value: JSON.parse(data) as Json });
      });
    }
  }
  return values;
}

/** A Bifrost chunk with the fields the recordings lack: extra_fields, usage.cost, content[] logprobs. */
const bifrostChunk = {
  id: 'cmpl-b',
  object: 'text_completion',
  model: 'openai/gpt-3.5-turbo-instruct',
  system_fingerprint: 'fp_1',
  choices: [
    {
      index: 0,
      text: ' café',
      finish_reason: 'length',
      logprobs: {
        content: [
          {
            token: ' café',
            logprob: -0.5,
            bytes: [32, 99, 97, 102, 195, 169],
            top_logprobs: [{ token: ' cafe', logprob: -1.2, bytes: [32] }],
          },
        ],
      },
    },
  ],
  usage: {
    prompt_tokens: 3,
    completion_tokens: 1,
    total_tokens: 4,
    cost: { input_cost: 0.1, output_cost: 0.2, total_cost: 0.3 },
  },
  extra_fields: { provider: 'openai', routing_info: { provider: 'openai', model: 'gpt-3.5-turbo-instruct' } },
};

const samples = [...recordedValues(), { source: 'bifrost chunk (hand-made)', value: bifrostChunk as Json }];

type PathPart = string | number;

/** Every path to every value inside `value` (the root is []). */
function pathsOf(value: Json, prefix: PathPart[] = [], out: PathPart[][] = []): PathPart[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...prefix, i], out));
  else if (isRecord(value))
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
  return out;
}

/** A copy of `value` with the value at `where` replaced (or deleted when `replacement` is DELETE). */
const DELETE = Symbol('delete');
function replaceAt(value: Json, where: readonly PathPart[], replacement: unknown): Json {
  if (where.length === 0) return replacement === DELETE ? undefined : replacement;
  const copy = structuredClone(value) as Record<PathPart, unknown>;
  let parent = copy;
  for (const part of where.slice(0, -1)) parent = parent[part] as Record<PathPart, unknown>;
  const last = where.at(-1) as PathPart;
  // Deleting from an array removes the element (JSON has no holes).
  if (replacement === DELETE && Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (replacement === DELETE) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

/** JSON nested `depth` deep; fast-check prints it as `nested(depth)` (its printer would overflow the stack). */
function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let level = 0; level < depth - 1; level++) value = level % 2 ? { a: value } : [value];
  return { a: value, [fc.toStringMethod]: () => `nested(${depth})` };
}

const HUGE_STRING = `${'x'.repeat(2 * 1024 * 1024)}\u{1F642}`;

/** Values of the wrong type, JSON or not, hostile or plain. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  anyHostileValue(),
  fc.constantFrom<unknown>(
    null,
    undefined,
    DELETE,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    -1,
    1.5,
    2 ** 53,
    1e308,
    '',
    '   ',
    true,
    [],
    {},
    [null],
    [[]],
    HUGE_STRING,
  ),
  fc.integer({ min: 100, max: 20_000 }).map((depth) => nested(depth, 'deep')),
  fc.array(fc.oneof(fc.string(), fc.double(), fc.constant(null)), { maxLength: 2000 }),
  fc
    .array(
      fc.tuple(
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'length'),
        fc.jsonValue(),
      ),
    )
    .map((entries) => JSON.parse(JSON.stringify(Object.fromEntries(entries))) as unknown),
  fc
    .jsonValue({ maxDepth: 2 })
    .map((inner) => JSON.parse(`{"__proto__": ${JSON.stringify(inner)}, "index": 0}`) as unknown),
);

const mutation = fc.constantFrom(...samples).chain((sample) =>
  fc.record({
    sample: fc.constant(sample),
    where: fc.constantFrom(...pathsOf(sample.value)),
    replacement: wrongValue,
  }),
);

const isFiniteNumber = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);

/** What any caller may rely on, whatever came in. */
function expectSane(result: NormalizedCompletion): void {
  expect(Array.isArray(result.choices)).toBe(true);
  result.choices.forEach((choice, i) => {
    expect(Number.isInteger(choice.index) && choice.index >= 0).toBe(true);
    if (i > 0) expect(choice.index).toBeGreaterThanOrEqual(result.choices[i - 1]?.index ?? 0);
    expect(typeof choice.text).toBe('string');
    expect(
      choice.finishReason === null ||
        (typeof choice.finishReason === 'string' && choice.finishReason.trim() !== ''),
    ).toBe(true);
    for (const token of choice.tokens ?? []) {
      expect(typeof token.token).toBe('string');
      expect(token.logprob === null || isFiniteNumber(token.logprob)).toBe(true);
      expect(token.offset === null || Number.isInteger(token.offset)).toBe(true);
      expect(token.bytes === null || token.bytes.every((byte) => Number.isInteger(byte))).toBe(true);
      (token.top ?? []).forEach(([text, logprob], k, top) => {
        expect(typeof text).toBe('string');
        expect(isFiniteNumber(logprob)).toBe(true);
        if (k > 0) expect(logprob).toBeLessThanOrEqual(top[k - 1]?.[1] ?? 0);
      });
    }
  });
  for (const value of Object.values(result.usage ?? {})) expect(isFiniteNumber(value)).toBe(true);
  for (const key of ['id', 'model', 'systemFingerprint'] as const) {
    const value = result[key];
    if (value !== undefined) expect(typeof value === 'string' && value.trim() !== '').toBe(true);
  }
  if (result.created !== undefined) expect(isFiniteNumber(result.created)).toBe(true);
  if (result.extraFields !== undefined) {
    expect(isRecord(result.extraFields)).toBe(true);
    // What a run passes on must survive the transports (IPC structured clone, the WebSocket's JSON).
    expect(() => structuredClone(result.extraFields)).not.toThrow();
  }
}

const OPTIONS = { numRuns: 600, interruptAfterTimeLimit: 3000 };

describe.skipIf(!present)('normalizeCompletion with one field of the wrong type', () => {
  it('has real samples to mutate', () => {
    expect(samples.length).toBeGreaterThan(100);
  });

  it('never throws except to say the value is not a completion, naming "choices" or the root', () => {
    const pristine = new Map(samples.map((s) => [s.source, safeNormalize(s.value)]));
    fc.assert(
      fc.property(mutation, ({ sample, where, replacement }) => {
        const mutated = replaceAt(sample.value, where, replacement);
        let result: NormalizedCompletion;
        try {
          result = normalizeCompletion(mutated);
        } catch (error) {
          // Only the root or `choices` itself can make a value "not a completion".
          expect(error).toBeInstanceOf(Error);
          expect(error).not.toBeInstanceOf(TypeError);
          expect(error).not.toBeInstanceOf(RangeError);
          const message = (error as Error).message;
          // An error body has no "choices" to begin with: any change leaves it "not a completion".
          if (!isRecord(sample.value) || !Array.isArray(sample.value.choices))
            expect(message).toMatch(/^not a completion response: .*(JSON object|"choices")/);
          else if (where.length === 0)
            expect(message).toMatch(
              /^not a completion response: (expected a JSON object, got|it has no "choices"|"choices" is)/,
            );
          else {
            expect(where).toEqual(['choices']);
            expect(message).toMatch(
              /^not a completion response: (it has no "choices" field|"choices" is (null|a \w+|an \w+), not an array)/,
            );
          }
          return;
        }
        expectSane(result);
        // What the mutation did not touch reads as before.
        const before = pristine.get(sample.source);
        if (before === undefined || before === null) return;
        if (where[0] !== 'choices') expect(result.choices).toEqual(before.choices);
        if (where[0] !== 'usage') expect(result.usage).toEqual(before.usage);
        // Inside one choice (not its index): the other fields of every choice read as before.
        const field = where[2];
        if (where[0] === 'choices' && typeof field === 'string' && field !== 'index') {
          const column = (n: NormalizedCompletion, key: keyof NormalizedCompletion['choices'][number]) =>
            n.choices.map((choice) => choice[key]);
          expect(column(result, 'index')).toEqual(column(before, 'index'));
          if (field !== 'text') expect(column(result, 'text')).toEqual(column(before, 'text'));
          if (field !== 'finish_reason')
            expect(column(result, 'finishReason')).toEqual(column(before, 'finishReason'));
          if (field !== 'logprobs' && field !== 'log_probs')
            expect(column(result, 'tokens')).toEqual(column(before, 'tokens'));
        }
      }),
      OPTIONS,
    );
  });

  it('detectErrorPayload, classifyHttpError and streamErrorFromFrame never throw and always explain', () => {
    fc.assert(
      fc.property(
        mutation,
        fc.integer({ min: 100, max: 599 }),
        fc.dictionary(
          fc.constantFrom('content-type', 'retry-after', 'x-ratelimit-reset-requests', 'x-other'),
          fc.string(),
        ),
        ({ sample, where, replacement }, status, headers) => {
          const mutated = replaceAt(sample.value, where, replacement);
          const payload = detectErrorPayload(mutated);
          if (payload) {
            expect(payload.message.trim()).not.toBe('');
            if (payload.status !== undefined)
              expect(payload.status >= 100 && payload.status <= 599).toBe(true);
          }
          const json = jsonText(mutated);
          // A body too deep to write as JSON stands for a cut-off one.
          const text = json ?? '{"error": {"message": "cut off';
          const error = classifyHttpError({
            url: 'http://gw.test/v1/completions',
            status,
            headers,
            bodyText: text,
          });
          // The title names the status; the message is what the server said (maybe only an error type
          // such as "requests.") or a description of the body.
          expect(error.title.trim()).not.toBe('');
          expect(error.message.trim()).not.toBe('');
          expect(error.status).toBe(status);
          // What the server said (read back from the text: boxed values and Maps do not survive JSON).
          const said = json === undefined ? null : detectErrorPayload(JSON.parse(json));
          if (said?.param && status === 400) expect(error.title).toContain(said.param);
          if (said) expect(error.message).toContain(said.message.trim().slice(0, 30));
          const frame = streamErrorFromFrame('http://gw.test/v1/completions', text, 'error');
          expect(frame.kind).toBe('stream_error');
          expect(frame.message.trim().length).toBeGreaterThan(5);
        },
      ),
      OPTIONS,
    );
  });
});

describe('normalizeCompletion with anything at all', () => {
  it('returns a sane result or throws an Error that says why', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          wrongValue,
          fc.record({ choices: fc.array(wrongValue, { maxLength: 5 }) }),
          fc.record({
            choices: fc.array(
              fc.record(
                {
                  index: wrongValue,
                  text: wrongValue,
                  finish_reason: wrongValue,
                  logprobs: fc.oneof(
                    wrongValue,
                    fc.record({
                      tokens: wrongValue,
                      token_logprobs: wrongValue,
                      top_logprobs: wrongValue,
                      text_offset: wrongValue,
                    }),
                    fc.record({
                      content: fc.array(
                        fc.record({
                          token: wrongValue,
                          logprob: wrongValue,
                          bytes: wrongValue,
                          top_logprobs: wrongValue,
                        }),
                      ),
                    }),
                  ),
                },
                { requiredKeys: [] },
              ),
              { maxLength: 4 },
            ),
            usage: fc.oneof(
              wrongValue,
              fc.record({
                prompt_tokens: wrongValue,
                cost: fc.oneof(wrongValue, fc.record({ total_cost: wrongValue, input_cost: wrongValue })),
              }),
            ),
            extra_fields: wrongValue,
          }),
        ),
        (value) => {
          let result: NormalizedCompletion;
          try {
            result = normalizeCompletion(value);
          } catch (error) {
            expect(error).toBeInstanceOf(Error);
            expect(error).not.toBeInstanceOf(TypeError);
            expect((error as Error).message).toMatch(/^not a completion response: .*(JSON object|"choices")/);
            return;
          }
          expectSane(result);
        },
      ),
      OPTIONS,
    );
  });
});

function safeNormalize(value: Json): NormalizedCompletion | null {
  try {
    return normalizeCompletion(value);
  } catch {
    return null;
  }
}

/** JSON text of a value; undefined when it has none (nested too deep for JSON.stringify, undefined). */
function jsonText(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}
