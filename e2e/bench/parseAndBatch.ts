import { createParser } from 'eventsource-parser';
import OpenAI from 'openai';
import { buildCompletionRequest } from '@shared/completions/buildRequest';
import { profileSchema } from '@shared/contracts/profiles';
import { launchRun } from '../../electron/services/runner/launchRun';
import { systemClock } from '../../electron/services/runner/timers';
import { startFakeGateway } from '../fake-gateway/server';
import { sseResponse, splitIntoChunks, streamOf } from './replay';
import { median, ratioOf, type BenchRow } from './table';

export const PARSE_TOKENS = 20_000;
/** A listed fake model with a 131,072-token context. */
export const BIG_MODEL = 'ollama/llama3.2:1b';
const REPETITIONS = 3;
const WARMUPS = 1;

export interface Measured {
  cpuMs: number;
  wallMs: number;
}

/** Records one 20,000-token stream with top-5 logprobs from the fake gateway (unlimited speed). */
export async function recordStream(tokens: number): Promise<Uint8Array> {
  const gateway = await startFakeGateway({ port: 0 });
  try {
    const response = await fetch(`${gateway.url}/v1/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: BIG_MODEL,
        prompt: 'Write a long story',
        max_tokens: tokens,
        logprobs: 5,
        seed: 7,
        stream: true,
      }),
    });
    if (!response.ok) throw new Error(`recording failed: HTTP ${response.status} ${await response.text()}`);
    return new Uint8Array(await response.arrayBuffer());
  } finally {
    await gateway.close();
  }
}

async function measure(work: () => Promise<number>, expectedTokens: number): Promise<Measured> {
  const samples: Measured[] = [];
  for (let index = 0; index < WARMUPS + REPETITIONS; index += 1) {
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    const seen = await work();
    const wallMs = performance.now() - wallBefore;
    const cpu = process.cpuUsage(cpuBefore);
    if (seen < expectedTokens) throw new Error(`consumer saw ${seen} of ${expectedTokens} tokens`);
    if (index >= WARMUPS) samples.push({ cpuMs: (cpu.user + cpu.system) / 1000, wallMs });
  }
  return { cpuMs: median(samples.map((s) => s.cpuMs)), wallMs: median(samples.map((s) => s.wallMs)) };
}

/** (a) Reads the bytes to the end and does nothing else. Returns the byte count as "tokens seen". */
async function readRaw(chunks: readonly Uint8Array[], tokens: number): Promise<number> {
  const reader = streamOf(chunks).getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  return bytes > 0 ? tokens : 0;
}

/** Floor for any SSE consumer: eventsource-parser framing + JSON.parse of every event, nothing kept. */
async function readFramedJson(chunks: readonly Uint8Array[]): Promise<number> {
  let tokens = 0;
  const parser = createParser({
    onEvent(event) {
      if (event.data === '[DONE]') return;
      const json = JSON.parse(event.data) as { choices?: Array<{ text?: string; logprobs?: unknown }> };
      if (json.choices?.[0]?.text) tokens += 1;
    },
  });
  const decoder = new TextDecoder();
  const reader = streamOf(chunks).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  return tokens;
}

/** (b) The openai SDK's stream iterator over the same bytes, touching every chunk's logprobs. */
async function readWithSdk(chunks: readonly Uint8Array[]): Promise<number> {
  const client = new OpenAI({
    baseURL: 'http://127.0.0.1:9/v1',
    apiKey: 'bench-not-a-key',
    maxRetries: 0,
    fetch: () => Promise.resolve(sseResponse(chunks)),
  });
  const stream = await client.completions.create({
    model: BIG_MODEL,
    prompt: 'Write a long story',
    max_tokens: PARSE_TOKENS,
    logprobs: 5,
    stream: true,
  });
  let tokens = 0;
  let alternatives = 0;
  for await (const chunk of stream) {
    const choice = chunk.choices[0];
    const top = choice?.logprobs?.top_logprobs?.[0];
    if (choice?.text) tokens += 1;
    if (top) alternatives += Object.keys(top).length;
  }
  return alternatives > 0 ? tokens : 0;
}

/** (c) Our runner: the real launchRun (decoder → normalize → accumulator → batcher) with a counting emit. */
export async function readWithRunner(chunks: readonly Uint8Array[]): Promise<number> {
  const profile = profileSchema.parse({
    id: 'bench',
    name: 'Bench',
    kind: 'bifrost',
    baseUrl: 'http://127.0.0.1:9',
    endpoint: '/v1/completions',
  });
  const built = buildCompletionRequest(
    profile,
    { model: BIG_MODEL, prompt: 'Write a long story', max_tokens: PARSE_TOKENS, logprobs: 5, stream: true },
    undefined,
  );
  let tokens = 0;
  let terminal = '';
  const run = launchRun(
    {
      runId: 'bench-run',
      profile,
      built,
      key: undefined,
      emit: (name: string, payload: unknown) => {
        if (name === 'run.batch') tokens += countTokens(payload);
        else if (name !== 'run.responded') terminal = name;
      },
    },
    { fetch: () => Promise.resolve(sseResponse(chunks)), clock: systemClock, flushIntervalMs: 16 },
    () => undefined,
  );
  await run.settled;
  if (terminal !== 'run.completed') throw new Error(`runner ended with ${terminal}`);
  return tokens;
}

/** SSE data events in a run.batch payload (its `arrivals`: one per event, the final chunk included). */
function countTokens(payload: unknown): number {
  const arrivals = (payload as { arrivals?: unknown }).arrivals;
  return Array.isArray(arrivals) ? arrivals.length : 0;
}

export async function benchParseAndBatch(): Promise<BenchRow[]> {
  const bytes = await recordStream(PARSE_TOKENS);
  const chunks = splitIntoChunks(bytes);
  const raw = await measure(() => readRaw(chunks, PARSE_TOKENS), PARSE_TOKENS);
  const sdk = await measure(() => readWithSdk(chunks), PARSE_TOKENS);
  const framed = await measure(() => readFramedJson(chunks), PARSE_TOKENS);
  const ours = await measure(() => readWithRunner(chunks), 0);
  const perToken = (m: Measured): number => (m.cpuMs * 1000) / PARSE_TOKENS;
  const oursUs = perToken(ours);
  const sizeNote = `${(bytes.length / 1e6).toFixed(1)} MB stream, ${chunks.length} chunks of 1460 B; median of ${REPETITIONS} after ${WARMUPS} warm-ups; wall ms ours ${ours.wallMs.toFixed(0)}, SDK ${sdk.wallMs.toFixed(0)}, raw ${raw.wallMs.toFixed(0)}`;
  const vsSdk = ratioOf(oursUs, perToken(sdk));
  const vsRaw = ratioOf(oursUs, perToken(raw));
  return [
    {
      id: '1a',
      name: 'Parse+batch CPU/token vs openai SDK',
      figure: oursUs,
      unit: 'µs',
      reference: perToken(sdk),
      referenceName: 'SDK',
      ratio: vsSdk,
      target: '≤ 0.5×',
      met: vsSdk === null ? null : vsSdk <= 0.5,
      note: sizeNote,
    },
    {
      id: '1b',
      name: 'Parse+batch CPU/token vs raw read',
      figure: oursUs,
      unit: 'µs',
      reference: perToken(raw),
      referenceName: 'raw',
      ratio: vsRaw,
      target: '≤ 3×',
      met: vsRaw === null ? null : vsRaw <= 3,
      note: `the parse floor alone (1c: framing + JSON.parse of every event, nothing kept) is ${ratioOf(perToken(framed), perToken(raw))?.toFixed(1) ?? '?'}× raw`,
    },
    {
      id: '1c',
      name: 'Parse+batch CPU/token vs SSE framing + JSON.parse',
      figure: oursUs,
      unit: 'µs',
      reference: perToken(framed),
      referenceName: 'parse floor',
      ratio: ratioOf(oursUs, perToken(framed)),
      target: '—',
      met: null,
      note: 'context, not an issue target: eventsource-parser + JSON.parse of every event, nothing kept (the floor of any consumer)',
    },
  ];
}
