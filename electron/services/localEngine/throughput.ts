import type { Token } from 'node-llama-cpp';
import { loadLlamaModel } from './llamaLoader';
import { startLocalEngineServer } from './engineServer';
import type { EngineRequest, LocalEngine } from './types';

export interface ThroughputOptions {
  modelPath: string;
  /** Tokens to generate per measurement. Default 256. */
  tokens?: number;
  threads?: number;
  prompt?: string;
}

/** Generated tokens per second, greedy, for each way of running the model. */
export interface ThroughputReport {
  /** Our engine called directly. */
  engine: { withLogprobs: number; withoutLogprobs: number };
  /** Through our HTTP server (streaming), as the app uses it. */
  server: { withLogprobs: number; withoutLogprobs: number };
  /** node-llama-cpp's own `sequence.evaluate` loop, without our code in between: the reference. */
  native: number;
  /** server.withoutLogprobs / native (1 = no overhead). */
  serverRatio: number;
}

const DEFAULT_PROMPT = 'Once upon a time';

/** Measures the local engine's speed on a model (for `npm run bench`). */
export async function measureTokensPerSecond(options: ThroughputOptions): Promise<ThroughputReport> {
  const tokens = options.tokens ?? 256;
  const prompt = options.prompt ?? DEFAULT_PROMPT;
  const native = await measureNative(options.modelPath, prompt, tokens, options.threads ?? 1);
  const server = await startLocalEngineServer({ modelPath: options.modelPath, threads: options.threads });
  try {
    const request = (logprobs: number | null): EngineRequest => ({
      prompt,
      maxTokens: tokens,
      temperature: 0,
      logprobs,
    });
    await runEngine(server.engine, { ...request(null), maxTokens: 8 }); // warm-up
    const engine = {
      withLogprobs: await runEngine(server.engine, request(5)),
      withoutLogprobs: await runEngine(server.engine, request(null)),
    };
    const overHttp = (logprobs: number | null) =>
      runServer(server.url, server.token, {
        prompt,
        max_tokens: tokens,
        temperature: 0,
        logprobs,
        stream: true,
      });
    await runServer(server.url, server.token, { prompt, max_tokens: 8, stream: true }); // warm-up
    const served = { withLogprobs: await overHttp(5), withoutLogprobs: await overHttp(null) };
    return { engine, server: served, native, serverRatio: served.withoutLogprobs / native };
  } finally {
    await server.close();
  }
}

async function measureNative(
  modelPath: string,
  prompt: string,
  tokens: number,
  threads: number,
): Promise<number> {
  const loaded = await loadLlamaModel({ modelPath, threads });
  try {
    const promptTokens = [
      ...(loaded.bos === null ? [] : [loaded.bos]),
      ...loaded.model.tokenize(prompt),
    ] as Token[];
    const run = async (count: number) => {
      await loaded.sequence.clearHistory();
      const started = performance.now();
      let generated = 0;
      for await (const _ of loaded.sequence.evaluate(promptTokens, { temperature: 0 })) {
        if (++generated >= count) break;
      }
      return generated / ((performance.now() - started) / 1000);
    };
    await run(8); // warm-up
    return await run(tokens);
  } finally {
    await loaded.dispose();
  }
}

async function runEngine(engine: LocalEngine, request: EngineRequest): Promise<number> {
  const started = performance.now();
  let generated = 0;
  for await (const event of engine.complete(request))
    if (event.type === 'done') generated = event.usage.completionTokens;
  return generated / ((performance.now() - started) / 1000);
}

/**
 * Tokens/s of a served engine (any OpenAI-compatible completions server, e.g. the app's engine in its
 * own thread), streamed, greedy, after a short warm-up.
 */
export async function measureServedTokensPerSecond(
  server: { url: string; token: string },
  options: { tokens: number; prompt?: string; logprobs: number | null },
): Promise<number> {
  const prompt = options.prompt ?? DEFAULT_PROMPT;
  await runServer(server.url, server.token, { prompt, max_tokens: 8, stream: true });
  return runServer(server.url, server.token, {
    prompt,
    max_tokens: options.tokens,
    temperature: 0,
    logprobs: options.logprobs,
    stream: true,
  });
}

async function runServer(url: string, token: string, body: object): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/v1/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const seconds = (performance.now() - started) / 1000;
  const usage = /"completion_tokens":(\d+)/.exec(text);
  if (!response.ok || !usage?.[1])
    throw new Error(`The local server answered ${response.status}: ${text.slice(0, 200)}`);
  return Number(usage[1]) / seconds;
}
