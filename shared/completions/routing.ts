import type { RoutingInfo } from '../contracts/runs';
import { booleanOf, isRecord, nonEmptyStringOf, withoutUndefined, type JsonRecord } from './jsonShape';

const BIFROST_HEADER_PREFIX = 'x-bifrost-';

/** Routing facts from response headers (`x-bifrost-*`, `x-request-id`); header names lower-case. */
export function routingFromHeaders(headers: Record<string, string>): RoutingInfo {
  const lower: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = value;
  const header = (name: string): string | undefined => nonEmptyStringOf(lower[name])?.trim();

  const bifrostHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(lower)) {
    if (name.startsWith(BIFROST_HEADER_PREFIX)) bifrostHeaders[name] = value;
  }
  const fallbackIndex = parseInteger(header('x-bifrost-fallback-index'));
  const isFallback = parseBoolean(header('x-bifrost-routing-info-is-fallback'));
  return withoutUndefined<RoutingInfo>({
    provider: header('x-bifrost-routing-info-provider') ?? header('x-bifrost-provider'),
    model: header('x-bifrost-routing-info-model') ?? header('x-bifrost-resolved-model'),
    requestedProvider:
      header('x-bifrost-routing-info-requested-provider') ??
      header('x-bifrost-routing-info-primary-provider'),
    requestedModel:
      header('x-bifrost-original-model') ??
      header('x-bifrost-routing-info-requested-model') ??
      header('x-bifrost-routing-info-primary-model'),
    fallbackIndex,
    // The index header is only sent when a fallback served (1-based).
    isFallback: isFallback ?? (fallbackIndex !== undefined && fallbackIndex >= 1 ? true : undefined),
    requestId: header('x-bifrost-request-id') ?? header('x-request-id'),
    upstreamLatencyMs: parseFiniteNumber(header('x-bifrost-upstream-latency-ms')),
    headers: bifrostHeaders,
  });
}

/**
 * Adds what `extra_fields` says (routing_info, provider, original_model_requested/model_requested,
 * resolved_model_used/model_deployment) to routing info; headers win where both speak.
 */
export function withExtraFields(
  routing: RoutingInfo,
  extraFields: Record<string, unknown> | undefined,
): RoutingInfo {
  if (!extraFields) return routing;
  const info: JsonRecord = isRecord(extraFields.routing_info) ? extraFields.routing_info : {};
  return withoutUndefined<RoutingInfo>({
    ...routing,
    provider: routing.provider ?? nonEmptyStringOf(info.provider) ?? nonEmptyStringOf(extraFields.provider),
    model:
      routing.model ??
      nonEmptyStringOf(info.model) ??
      nonEmptyStringOf(extraFields.resolved_model_used) ??
      nonEmptyStringOf(extraFields.model_deployment),
    requestedProvider:
      routing.requestedProvider ??
      nonEmptyStringOf(info.requested_provider) ??
      nonEmptyStringOf(info.primary_provider),
    requestedModel:
      routing.requestedModel ??
      nonEmptyStringOf(info.requested_model) ??
      nonEmptyStringOf(info.primary_model) ??
      nonEmptyStringOf(extraFields.original_model_requested) ??
      nonEmptyStringOf(extraFields.model_requested),
    isFallback: routing.isFallback ?? booleanOf(info.is_fallback),
    extraFields,
  });
}

function parseInteger(value: string | undefined): number | undefined {
  if (value === undefined || !/^-?\d+$/.test(value)) return undefined;
  return Number(value);
}

function parseFiniteNumber(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function parseBoolean(value: string | undefined): boolean | undefined {
  const lower = value?.toLowerCase();
  if (lower === 'true' || lower === '1') return true;
  if (lower === 'false' || lower === '0') return false;
  return undefined;
}
