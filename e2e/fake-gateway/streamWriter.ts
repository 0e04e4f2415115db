import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { setImmediate as nextTick, setTimeout as sleep } from 'node:timers/promises';
import type { ChoicePlan } from './choices';
import {
  finalChunk,
  streamChunkSerializer,
  type ResponseFormat,
  type ResponseIdentity,
} from './completionResponse';
import { EVENT_ERROR_FRAME, midstreamErrorFrame, type StreamMode } from './failures';
import { untilAborted } from './httpUtil';
import type { TokenDetail } from './textGenerator';

/** Stream modes fail after this many content chunks. */
export const CHUNKS_BEFORE_FAILURE = 3;

/**
 * Paced streams sleep only once they are this far ahead of schedule: at 3,000 tokens/s a stream then
 * sends about a dozen chunks every 4 ms (one write) instead of one timer and one write per 1–2 chunks,
 * which cost the fake gateway more CPU than the app it feeds. Still far finer than a 16 ms frame.
 */
const MIN_SLEEP_MS = 4;

/** At most this many frames are queued before they are written (see flush in writeStream). */
const MAX_QUEUED_FRAMES = 64;

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
  /**
   * Frames are queued and written together before every wait (and at the end): at high speeds many
   * steps fall within one timer tick, and like a real server's socket the gateway then sends them in
   * one write instead of one syscall each (which cost the fake gateway most of a core at 12,000 events/s).
   */
  let queued: string[] = [];
  const flush = async (): Promise<void> => {
    signal.throwIfAborted();
    if (queued.length === 0) return;
    const text = queued.length === 1 ? (queued[0] ?? '') : queued.join('');
    queued = [];
    let accepted = true;
    lastFlushed = new Promise<void>((resolve) => {
      accepted = res.write(text, () => resolve());
    });
    if (!accepted) await once(res, 'drain', { signal });
  };
  const write = async (text: string): Promise<void> => {
    signal.throwIfAborted();
    queued.push(text);
    if (queued.length >= MAX_QUEUED_FRAMES) await flush();
  };
  res.writeHead(200, {
    ...options.headers,
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  await write(': heartbeat\n');
  await flush();

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

  const serializeChunk = streamChunkSerializer(identity, format, options.extraFields);
  for (const delta of deltas(plan, options.wantLogprobs)) {
    if (delta.newStep) {
      const tps = options.tokensPerSecond();
      if (tps > 0) {
        // Keep the schedule (timers are coarser than 1000/tps at high speeds, so a late step is made up
        // by the next ones), but never fall more than MAX_LAG_MS behind: no burst after a long pause.
        const now = performance.now();
        nextStepAt = Math.max(nextStepAt + 1000 / tps, now - MAX_LAG_MS);
        const wait = nextStepAt - now;
        if (wait >= MIN_SLEEP_MS) {
          await flush();
          await sleep(wait, undefined, { signal });
        } else if (++unpacedSteps % 64 === 0) {
          await flush();
          await nextTick(undefined, { signal });
        }
      } else if (++unpacedSteps % 64 === 0) {
        await flush();
        await nextTick(undefined, { signal });
      }
    }
    const now = performance.now();
    await write(`data: ${serializeChunk(delta, chunkIndex, Math.round(now - lastChunkAt))}\n\n`);
    lastChunkAt = now;
    chunkIndex++;
    if (options.mode && chunkIndex === CHUNKS_BEFORE_FAILURE) break;
  }
  await flush();

  switch (options.mode) {
    case 'midstream':
      await write(dataFrame(midstreamErrorFrame(extra(performance.now() - lastChunkAt))));
      await write('data: [DONE]\n\n');
      await flush();
      res.end();
      return;
    case 'event-error':
      await write(EVENT_ERROR_FRAME);
      await write('data: [DONE]\n\n');
      await flush();
      res.end();
      return;
    case 'truncated':
      await write('data: [DONE]\n\n');
      await flush();
      res.end();
      return;
    case 'drop': {
      await flush();
      // Let the chunks already written reach the client, then cut the connection mid-body.
      await Promise.race([lastFlushed, untilAborted(signal)]);
      res.destroy();
      return;
    }
    case 'stall':
      await flush();
      await untilAborted(signal);
      return;
    case undefined:
      await write(
        dataFrame(finalChunk(identity, format, plan, extra(performance.now() - options.startedAt))),
      );
      await write('data: [DONE]\n\n');
      await flush();
      res.end();
  }
}
