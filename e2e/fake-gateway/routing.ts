import type { ModelRef } from './types';

export type RequestType = 'text_completion' | 'text_completion_stream';

/** Who answers a request: the primary, or fallback number `fallbackIndex` (1-based). */
export interface Routing {
  requestId: string;
  requestType: RequestType;
  primary: ModelRef;
  served: ModelRef;
  /** 0 = the primary served; n = fallbacks[n - 1] served. */
  fallbackIndex: number;
}

/** `extra_fields.routing_info`. */
export function routingInfo(routing: Routing): Record<string, unknown> {
  const isFallback = routing.fallbackIndex > 0;
  return {
    provider: routing.served.provider,
    model: routing.served.model,
    is_fallback: isFallback,
    ...(isFallback
      ? { primary_provider: routing.primary.provider, primary_model: routing.primary.model }
      : {}),
    requested_provider: routing.primary.provider,
    requested_model: routing.primary.model,
  };
}

/** The `extra_fields` every body, chunk and error carries (the caller adds latency and chunk_index). */
export function baseExtraFields(routing: Routing): Record<string, unknown> {
  return {
    request_type: routing.requestType,
    provider: routing.served.provider,
    original_model_requested: routing.primary.model,
    resolved_model_used: routing.served.model,
    routing_info: routingInfo(routing),
  };
}

/** Bifrost's routed-identity headers (also on errors and streams). Latency: ms with 3 decimals. */
export function bifrostHeaders(routing: Routing, upstreamLatencyMs: number): Record<string, string> {
  const headers: Record<string, string> = {
    'x-bifrost-request-id': routing.requestId,
    'x-bifrost-provider': routing.served.provider,
    'x-bifrost-original-model': routing.primary.model,
    'x-bifrost-resolved-model': routing.served.model,
    'x-bifrost-request-type': routing.requestType,
    'x-bifrost-upstream-latency-ms': upstreamLatencyMs.toFixed(3),
    'x-bifrost-routing-info-provider': routing.served.provider,
    'x-bifrost-routing-info-model': routing.served.model,
  };
  if (routing.fallbackIndex > 0) {
    headers['x-bifrost-fallback-index'] = String(routing.fallbackIndex);
    headers['x-bifrost-routing-info-is-fallback'] = 'true';
    headers['x-bifrost-routing-info-primary-provider'] = routing.primary.provider;
    headers['x-bifrost-routing-info-primary-model'] = routing.primary.model;
  }
  return headers;
}
