import { describe, expect, it } from 'vitest';
import { baseExtraFields, bifrostHeaders, type Routing } from './routing';

const primary = { provider: 'openai', model: 'gpt-a', id: 'openai/gpt-a' };
const backup = { provider: 'anthropic', model: 'claude-b', id: 'anthropic/claude-b' };
const routing: Routing = {
  requestId: 'r1',
  requestType: 'text_completion',
  primary,
  served: primary,
  fallbackIndex: 0,
};

describe('routing headers and extra_fields', () => {
  it('describes the primary without fallback headers', () => {
    const headers = bifrostHeaders(routing, 12.3456);
    expect(headers).toEqual({
      'x-bifrost-request-id': 'r1',
      'x-bifrost-provider': 'openai',
      'x-bifrost-original-model': 'gpt-a',
      'x-bifrost-resolved-model': 'gpt-a',
      'x-bifrost-request-type': 'text_completion',
      'x-bifrost-upstream-latency-ms': '12.346',
      'x-bifrost-routing-info-provider': 'openai',
      'x-bifrost-routing-info-model': 'gpt-a',
    });
    expect(baseExtraFields(routing).routing_info).toEqual({
      provider: 'openai',
      model: 'gpt-a',
      is_fallback: false,
      requested_provider: 'openai',
      requested_model: 'gpt-a',
    });
  });

  it('says which fallback served and what the primary was', () => {
    const viaFallback: Routing = { ...routing, served: backup, fallbackIndex: 2 };
    expect(bifrostHeaders(viaFallback, 1)).toMatchObject({
      'x-bifrost-provider': 'anthropic',
      'x-bifrost-original-model': 'gpt-a',
      'x-bifrost-resolved-model': 'claude-b',
      'x-bifrost-fallback-index': '2',
      'x-bifrost-routing-info-is-fallback': 'true',
      'x-bifrost-routing-info-primary-provider': 'openai',
      'x-bifrost-routing-info-primary-model': 'gpt-a',
    });
    expect(baseExtraFields(viaFallback)).toMatchObject({
      provider: 'anthropic',
      original_model_requested: 'gpt-a',
      resolved_model_used: 'claude-b',
      routing_info: { is_fallback: true, primary_provider: 'openai', primary_model: 'gpt-a' },
    });
  });
});
