import { describe, expect, it } from 'vitest';
import { routingFromHeaders, withExtraFields } from './routing';

const primaryHeaders = {
  'content-type': 'application/json',
  'x-bifrost-request-id': 'req-1',
  'x-bifrost-provider': 'openai',
  'x-bifrost-original-model': 'openai/gpt-3.5-turbo-instruct',
  'x-bifrost-resolved-model': 'gpt-3.5-turbo-instruct',
  'x-bifrost-request-type': 'text_completion',
  'x-bifrost-upstream-latency-ms': '123.456',
  'x-bifrost-routing-info-provider': 'openai',
  'x-bifrost-routing-info-model': 'gpt-3.5-turbo-instruct',
};

describe('routingFromHeaders', () => {
  it('reads who answered when the primary served', () => {
    expect(routingFromHeaders(primaryHeaders)).toEqual({
      provider: 'openai',
      model: 'gpt-3.5-turbo-instruct',
      requestedModel: 'openai/gpt-3.5-turbo-instruct',
      requestId: 'req-1',
      upstreamLatencyMs: 123.456,
      headers: Object.fromEntries(
        Object.entries(primaryHeaders).filter(([name]) => name.startsWith('x-bifrost-')),
      ),
    });
  });

  it('reads a fallback: index, flag, primary provider and model; routing-info wins over x-bifrost-provider', () => {
    const routing = routingFromHeaders({
      'x-bifrost-provider': 'openai',
      'x-bifrost-fallback-index': '2',
      'x-bifrost-routing-info-provider': 'anthropic',
      'x-bifrost-routing-info-model': 'claude-3-haiku',
      'x-bifrost-routing-info-is-fallback': 'true',
      'x-bifrost-routing-info-primary-provider': 'openai',
      'x-bifrost-routing-info-primary-model': 'gpt-3.5-turbo-instruct',
    });
    expect(routing).toMatchObject({
      provider: 'anthropic',
      model: 'claude-3-haiku',
      requestedProvider: 'openai',
      requestedModel: 'gpt-3.5-turbo-instruct',
      fallbackIndex: 2,
      isFallback: true,
    });
  });

  it('takes the requested model from routing-info when x-bifrost-original-model is absent', () => {
    expect(
      routingFromHeaders({
        'x-bifrost-routing-info-requested-provider': 'openai',
        'x-bifrost-routing-info-requested-model': 'gpt-4o-mini',
        'x-bifrost-routing-info-primary-model': 'other',
      }),
    ).toMatchObject({ requestedProvider: 'openai', requestedModel: 'gpt-4o-mini' });
  });

  it('derives isFallback from the index, and reads an explicit false', () => {
    expect(routingFromHeaders({ 'x-bifrost-fallback-index': '1' }).isFallback).toBe(true);
    expect(routingFromHeaders({ 'x-bifrost-routing-info-is-fallback': 'false' }).isFallback).toBe(false);
    expect(routingFromHeaders({}).isFallback).toBeUndefined();
  });

  it('falls back to x-request-id and ignores malformed numbers', () => {
    const routing = routingFromHeaders({
      'x-request-id': 'abc',
      'x-bifrost-fallback-index': 'one',
      'x-bifrost-upstream-latency-ms': 'fast',
    });
    expect(routing).toEqual({
      requestId: 'abc',
      headers: { 'x-bifrost-fallback-index': 'one', 'x-bifrost-upstream-latency-ms': 'fast' },
    });
    expect(routingFromHeaders({ 'x-bifrost-request-id': 'b', 'x-request-id': 'a' }).requestId).toBe('b');
  });

  it('accepts header names in any case and gives empty headers for a plain server', () => {
    expect(routingFromHeaders({ 'X-Bifrost-Provider': 'vllm' })).toEqual({
      provider: 'vllm',
      headers: { 'x-bifrost-provider': 'vllm' },
    });
    expect(routingFromHeaders({ 'content-type': 'application/json', 'openai-model': 'x' })).toEqual({
      headers: {},
    });
  });
});

describe('withExtraFields', () => {
  it('fills what the headers did not say and stores extra_fields', () => {
    const extra = {
      request_type: 'text_completion',
      provider: 'anthropic',
      original_model_requested: 'gpt-3.5-turbo-instruct',
      resolved_model_used: 'claude-3-haiku-20240307',
      routing_info: {
        provider: 'anthropic',
        model: 'claude-3-haiku',
        is_fallback: true,
        primary_provider: 'openai',
        primary_model: 'gpt-3.5-turbo-instruct',
      },
    };
    expect(withExtraFields({ headers: {} }, extra)).toEqual({
      provider: 'anthropic',
      model: 'claude-3-haiku',
      requestedProvider: 'openai',
      requestedModel: 'gpt-3.5-turbo-instruct',
      isFallback: true,
      headers: {},
      extraFields: extra,
    });
  });

  it('lets headers win where both speak', () => {
    const fromHeaders = routingFromHeaders(primaryHeaders);
    const merged = withExtraFields(fromHeaders, {
      provider: 'azure',
      routing_info: { provider: 'azure', model: 'other', is_fallback: true, requested_model: 'x' },
    });
    expect(merged).toMatchObject({
      provider: 'openai',
      model: 'gpt-3.5-turbo-instruct',
      requestedModel: 'openai/gpt-3.5-turbo-instruct',
      requestId: 'req-1',
      isFallback: true,
    });
  });

  it('reads the older names (model_requested, model_deployment) and requested_* routing info', () => {
    expect(
      withExtraFields(
        { headers: {} },
        { provider: 'azure', model_requested: 'gpt-35', model_deployment: 'my-deploy' },
      ),
    ).toMatchObject({ provider: 'azure', model: 'my-deploy', requestedModel: 'gpt-35' });
    expect(
      withExtraFields(
        { headers: {} },
        { routing_info: { requested_provider: 'openai', requested_model: 'davinci-002' } },
      ),
    ).toMatchObject({ requestedProvider: 'openai', requestedModel: 'davinci-002' });
  });

  it('ignores fields of the wrong type and returns the routing unchanged without extra_fields', () => {
    const routing = { provider: 'openai', headers: {} };
    expect(withExtraFields(routing, undefined)).toBe(routing);
    expect(
      withExtraFields({ headers: {} }, { routing_info: 'x', provider: 3, resolved_model_used: '' }),
    ).toEqual({
      headers: {},
      extraFields: { routing_info: 'x', provider: 3, resolved_model_used: '' },
    });
  });
});
