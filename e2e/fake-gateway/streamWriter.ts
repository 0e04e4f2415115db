import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { setImmediate as nextTick, setTimeout as sleep } from 'node:timers/promises';
import type { ChoicePlan } from './choices';
import { finalChunk, streamChunk, type ResponseFormat, type ResponseIdentity } from './completionResponse';
import { EVENT_ERROR_FRAME, midstreamErrorFrame, type StreamMode } from './failures';
import { untilAborted } from './httpUtil';
import type { TokenDetail } from './textGenerator';

/** Stream modes fail after this many content chunks. */
export const CHUNKS_BEFORE_FAILURE = 3;

export interface StreamOptions {
  res: ServerResponse;
  /** Aborts when the client goes away or the gateway closes: writing stops, timers are cleared. */
  signal: AbortSignal;
  headers: Record<string, string>;
  identity: ResponseIdentity;
  format: ResponseFormat;
  plan: ChoicePlan;
  wantLogprobs: boolean;
  /** extra_fields without chunk_index/latency. */
  extraFields: Record<string, unknown>;
  /** `no-first-byte` is handled before a stream opens; the others here. */
  mode: Exclude<StreamMode, 'no-first-byte'> | undefined;
  /** Read before every step, so a speed change applies to open streams; 0 = unlimited. */
  tokensPerSecond: () => number;
  /** performance.now() when the request arrived (for the final chunk's total latency). */
  startedAt: number;
}

interface Delta {
  index: number;
  text: string;
  tokens: TokenDetail[] | null;
  /** The first chunk of a generation step (paced); echo chunks are not. */
  newStep: boolean;
}

/** Echoed prompts first (one chunk per choice), then one token per choice per step, choices interleaved. */
function* deltas(plan: ChoicePlan, wantLogprobs: boolean): Generator<Delta> {
  for (const choice of plan.choices) {
    if (choice.promptTokens.length > 0) {
      const text = choice.promptTokens.map((t) => t.token).join('');
      yield { index: choice.index, text, tokens: wantLogprobs ? choice.promptTokens : null, newStep: false };
    }
  }
  for (let step = 0; step < plan.steps; step++) {
    let newStep = true;
    for (const choice of plan.choices) {
      const token = choice.completionTokens[step];
      if (!token) continue;
      yield { index: choice.index, text: token.token, tokens: wantLogprobs ? [token] : null, newStep };
      newStep = false;
    }
  }
}

function dataFrame(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

/**
 * Writes a Bifrost text-completion SSE stream: `: heartbeat`, content chunks paced at tokensPerSecond
 * (each step waits 1000/tps ms, so n tokens take at least n/tps seconds), the final chunk, `[DONE]`.
 * Rejects with an AbortError when the signal aborts.
 */
export async function writeStream(options: StreamOptions): Promise<void> {
  const { res, signal, identity, format, plan } = options;
  let lastFlushed: Promise<void> = Promise.resolve();
  const write = async (text: string): Promise<void> => {
    signal.throwIfAborted();
    let accepted = true;
    lastFlushed = new Promise<void>((resolve) => {
      accepted = res.write(text, () => resolve());
    });
    if (!accepted) await once(res, 'drain', { signal });
  };
  res.writeHead(200, {
    ...options.headers,
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  await write(': heartbeat\n');

  const MAX_LAG_MS = 100;
  let nextStepAt = performance.now();
  let lastChunkAt = performance.now();
  let chunkIndex = 0;
  let unpacedSteps = 0;
  const extra = (latency: number): Record<string, unknown> => ({
    ...options.extraFields,
    chunk_index: chunkIndex,
    latency: Math.round(latency),
  });

  for (const delta of deltas(plan, options.wantLogprobs)) {
    if (delta.newStep) {
      const tps = options.tokensPerSecond();
      if (tps > 0) {
        // Keep the schedule (timers are coarser than 1000/tps at high speeds, so a late step is made up
        // by the next ones), but never fall more than MAX_LAG_MS behind: no burst after a long pause.
        const now = performance.now();
        nextStepAt = Math.max(nextStepAt + 1000 / tps, now - MAX_LAG_MS);
        const wait = nextStepAt - now;
        if (wait >= 1) await sleep(wait, undefined, { signal });
        else if (++unpacedSteps % 64 === 0) await nextTick(undefined, { signal });
      } else if (++unpacedSteps % 64 === 0) {
        await nextTick(undefined, { signal });
      }
    }
    const now = performance.now();
    await write(dataFrame(streamChunk(identity, format, delta, extra(now - lastChunkAt))));
    lastChunkAt = now;
    chunkIndex++;
    if (options.mode && chunkIndex === CHUNKS_BEFORE_FAILURE) break;
  }

  switch (options.mode) {
    case 'midstream':
      await write(dataFrame(midstreamErrorFrame(extra(performance.now() - lastChunkAt))));
      await write('data: [DONE]\n\n');
      res.end();
      return;
    case 'event-error':
      await write(EVENT_ERROR_FRAME);
      await write('data: [DONE]\n\n');
      res.end();
      return;
    case 'truncated':
      await write('data: [DONE]\n\n');
      res.end();
      return;
    case 'drop': {
      // Let the chunks already written reach the client, then cut the connection mid-body.
      await Promise.race([lastFlushed, untilAborted(signal)]);
      res.destroy();
      return;
    }
    case 'stall':
      await untilAborted(signal);
      return;
    case undefined:
      await write(
        dataFrame(finalChunk(identity, format, plan, extra(performance.now() - options.startedAt))),
      );
      await write('data: [DONE]\n\n');
      res.end();
  }
}
