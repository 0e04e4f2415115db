import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { planChoices, type ChoicePlan } from './choices';
import {
  completionBody,
  responseFormatFor,
  type ResponseFormat,
  type ResponseIdentity,
} from './completionResponse';
import {
  errorEnvelope,
  HTML_200_BODY,
  HTML_502_BODY,
  isOpenStreamMode,
  isRawMode,
  transportErrorBody,
  type ErrorSpec,
  type FailureMode,
  type RawMode,
} from './failures';
import { buildAttempts, resolveFallbacks } from './fallbacks';
import { headerValue, lowerCaseHeaders, sendJson, sendText, untilAborted } from './httpUtil';
import { contextLengthOf } from './models';
import {
  checkProviderParams,
  parseCompletionRequest,
  servedTopLogprobs,
  type CompletionRequest,
} from './requestParser';
import { baseExtraFields, bifrostHeaders, type Routing } from './routing';
import { writeStream } from './streamWriter';

export interface CompletionContext {
  req: IncomingMessage;
  res: ServerResponse;
  body: string;
  signal: AbortSignal;
  /** The gateway's current speed (0 = unlimited). */
  tokensPerSecond: () => number;
  /** performance.now() when the request arrived. */
  startedAt: number;
}

function completionId(): string {
  return `cmpl-${randomBytes(22).toString('base64url').replace(/[-_]/g, 'x').slice(0, 29)}`;
}

function elapsedMs(ctx: CompletionContext): number {
  return performance.now() - ctx.startedAt;
}

/** `x-fake-tokens-per-second: N` overrides the gateway's speed for one request. */
function speedFor(ctx: CompletionContext): () => number {
  const override = Number(headerValue(ctx.req, 'x-fake-tokens-per-second') || Number.NaN);
  return Number.isFinite(override) && override >= 0 ? () => override : ctx.tokensPerSecond;
}

function sendError(ctx: CompletionContext, spec: ErrorSpec, routing: Routing): void {
  const latency = elapsedMs(ctx);
  const body = errorEnvelope(spec, { ...baseExtraFields(routing), latency: Math.round(latency) });
  sendJson(ctx.res, spec.status, body, { ...bifrostHeaders(routing, latency), ...spec.headers });
}

function sendRaw(ctx: CompletionContext, mode: RawMode): void {
  if (mode === 'html') sendText(ctx.res, 502, 'text/html', HTML_502_BODY);
  else if (mode === 'html-200') sendText(ctx.res, 200, 'text/html; charset=utf-8', HTML_200_BODY);
  else sendText(ctx.res, 200, 'text/plain; charset=utf-8', 'OK');
}

interface ServePlan {
  request: CompletionRequest;
  routing: Routing;
  mode: FailureMode | undefined;
  plan: ChoicePlan;
  identity: ResponseIdentity;
  format: ResponseFormat;
}

/** Non-streaming: waits as long as generating would take at the current speed, then one JSON body. */
async function respondJson(ctx: CompletionContext, serve: ServePlan): Promise<void> {
  const tps = speedFor(ctx)();
  if (tps > 0 && serve.plan.steps > 0)
    await sleep((serve.plan.steps * 1000) / tps, undefined, { signal: ctx.signal });
  const latency = elapsedMs(ctx);
  const headers = bifrostHeaders(serve.routing, latency);
  const extraFields = { ...baseExtraFields(serve.routing), latency: Math.round(latency), chunk_index: 0 };
  if (serve.mode === 'midstream' || serve.mode === 'event-error') {
    const message = serve.mode === 'midstream' ? 'upstream connection reset' : 'stream interceptor failed';
    const spec: ErrorSpec = {
      status: 500,
      isBifrostError: serve.mode === 'event-error',
      error: { message },
      errorType: serve.mode === 'midstream' ? 'provider_connection_failed' : 'bifrost_internal',
    };
    sendError(ctx, spec, serve.routing);
    return;
  }
  const wantLogprobs = serve.request.logprobs !== undefined;
  const body = completionBody(serve.identity, serve.format, serve.plan, wantLogprobs, extraFields);
  if (serve.mode === 'truncated' || serve.mode === 'stall') {
    // A body cut in half: invalid JSON (truncated), or half then silence (stall).
    const text = JSON.stringify(body);
    ctx.res.writeHead(200, { ...headers, 'content-type': 'application/json' });
    ctx.res.write(text.slice(0, Math.floor(text.length / 2)));
    if (serve.mode === 'stall') await untilAborted(ctx.signal);
    else ctx.res.end();
    return;
  }
  sendJson(ctx.res, 200, body, headers);
}

/** POST /v1/completions (and the /openai aliases): validation, failures, fallbacks, then the answer. */
export async function handleCompletion(ctx: CompletionContext): Promise<void> {
  const requestId = headerValue(ctx.req, 'x-request-id') || randomUUID();
  const parsed = parseCompletionRequest(ctx.body);
  if (!parsed.ok) {
    sendJson(ctx.res, 400, transportErrorBody(400, parsed.message), { 'x-bifrost-request-id': requestId });
    return;
  }
  const request = parsed.request;
  const primaryRouting: Routing = {
    requestId,
    requestType: request.stream ? 'text_completion_stream' : 'text_completion',
    primary: request.model,
    served: request.model,
    fallbackIndex: 0,
  };
  const paramError = checkProviderParams(request, contextLengthOf(request.model.id));
  if (paramError) return sendError(ctx, paramError, primaryRouting);

  const attempts = buildAttempts(request.model, request.fallbacks, headerValue(ctx.req, 'x-fake-fail'));
  const resolution = resolveFallbacks(attempts, lowerCaseHeaders(ctx.req));
  if (resolution.kind === 'error') return sendError(ctx, resolution.error, primaryRouting);
  const served = attempts[resolution.attemptIndex]?.ref ?? request.model;
  const routing: Routing = { ...primaryRouting, served, fallbackIndex: resolution.attemptIndex };
  const mode = resolution.mode;

  if (mode && isRawMode(mode)) return sendRaw(ctx, mode);
  if (mode === 'no-first-byte') return untilAborted(ctx.signal);
  if (mode === 'drop' && !request.stream) {
    ctx.res.destroy();
    return;
  }

  // A model whose name contains `nondeterministic` ignores the seed and reports a new system_fingerprint
  // each time, like a provider whose backend changed between two calls (for the seed check).
  const varies = served.id.includes('nondeterministic');
  const plan = planChoices(
    {
      prompts: request.prompts,
      n: request.n,
      bestOf: request.bestOf ?? request.n,
      maxTokens: request.maxTokens,
      stop: request.stop,
      echo: request.echo,
      seed: varies ? randomInt(0, 0x7fffffff) : request.seed,
      temperature: request.temperature,
      logprobs: servedTopLogprobs(request),
    },
    served.id,
    randomInt(0, 0xffffffff),
  );
  const identity: ResponseIdentity = {
    id: completionId(),
    created: Math.floor(Date.now() / 1000),
    model: served.model,
    ...(varies ? { systemFingerprint: `fp_${randomInt(0, 0xffffff).toString(16)}` } : {}),
  };
  const serve: ServePlan = { request, routing, mode, plan, identity, format: responseFormatFor(served) };
  if (!request.stream) return respondJson(ctx, serve);
  await writeStream({
    res: ctx.res,
    signal: ctx.signal,
    headers: bifrostHeaders(routing, elapsedMs(ctx)),
    identity,
    format: serve.format,
    plan,
    wantLogprobs: request.logprobs !== undefined,
    extraFields: baseExtraFields(routing),
    mode: mode && isOpenStreamMode(mode) ? mode : undefined,
    tokensPerSecond: speedFor(ctx),
    startedAt: ctx.startedAt,
  });
}
