import type { RoutingInfo } from '../contracts/runs';

/** Routing facts from response headers (`x-bifrost-*`, `x-request-id`); header names lower-case. */
export function routingFromHeaders(_headers: Record<string, string>): RoutingInfo {
  throw new Error('not implemented');
}

/**
 * Adds what `extra_fields` says (routing_info, provider, original_model_requested/model_requested,
 * resolved_model_used/model_deployment) to routing info; headers win where both speak.
 */
export function withExtraFields(_routing: RoutingInfo, _extraFields: Record<string, unknown> | undefined): RoutingInfo {
  throw new Error('not implemented');
}
