import { describe, expect, it, vi } from 'vitest';
import type { NormalizedCompletion, NormalizedToken } from '@shared/completions/normalize';
import type { Batcher } from './batcher';
import { RunAccumulator } from './runAccumulator';

const fakeBatcher = () => {
  const calls: unknown[][] = [];
  const batcher: Batcher = {
    addText: vi.fn((...args: unknown[]) => void calls.push(['text', ...args])),
    addTokens: vi.fn((...args: unknown[]) => void calls.push(['tokens', ...args])),
    finish: vi.fn((...args: unknown[]) => void calls.push(['finish', ...args])),
    addArrival: vi.fn((...args: unknown[]) => void calls.push(['arrival', ...args])),
    flush: vi.fn(),
    dispose: vi.fn(),
  };
  return { batcher, calls };
};

const chunk = (
  choices: NormalizedCompletion['choices'],
  extra: Partial<NormalizedCompletion> = {},
): NormalizedCompletion => ({
  choices,
  usage: null,
  ...extra,
});
const tok = (token: string): NormalizedToken => ({
  token,
  logprob: -1,
  top: null,
  bytes: null,
  offset: null,
});
const routing = { headers: {} };

describe('RunAccumulator', () => {
  it('forwards text/tokens/finish per choice and builds the summary', () => {
    const { batcher, calls } = fakeBatcher();
    const acc = new RunAccumulator(batcher, 100);
    acc.apply(
      chunk([{ index: 1, text: ' b', finishReason: null, tokens: null }], { id: 'cmpl-1', model: 'm' }),
      150,
    );
    acc.apply(chunk([{ index: 0, text: ' a', finishReason: null, tokens: [tok(' a')] }]), 160);
    expect(acc.anyFinished).toBe(false);
    acc.apply(
      chunk(
        [
          { index: 0, text: '', finishReason: 'length', tokens: null },
          { index: 1, text: '', finishReason: 'stop', tokens: null },
        ],
        { usage: { completionTokens: 10 }, extraFields: { provider: 'openai' }, systemFingerprint: 'fp' },
      ),
      200,
    );
    // Repeating a finish reason does not report it twice.
    acc.apply(chunk([{ index: 1, text: '', finishReason: 'stop', tokens: null }]), 210);
    expect(calls.filter(([kind]) => kind === 'arrival').map(([, at]) => at)).toEqual([50, 60, 100, 110]);
    expect(calls.filter(([kind]) => kind !== 'arrival')).toEqual([
      ['text', 1, ' b'],
      ['text', 0, ' a'],
      ['tokens', 0, [tok(' a')]],
      ['finish', 0, 'length'],
      ['finish', 1, 'stop'],
    ]);
    expect(acc.anyFinished).toBe(true);
    expect(acc.lastExtraFields).toEqual({ provider: 'openai' });
    const summary = acc.summary({ startedAt: 100, headersAt: 120, endedAt: 1150 }, routing, true);
    expect(summary).toEqual({
      choices: [
        { index: 0, finishReason: 'length' },
        { index: 1, finishReason: 'stop' },
      ],
      usage: { completionTokens: 10 },
      timing: { ttfbMs: 20, ttftMs: 50, totalMs: 1050, tokensPerSecond: 10 },
      routing,
      responseId: 'cmpl-1',
      responseModel: 'm',
      systemFingerprint: 'fp',
      streamed: true,
    });
  });

  it('counts received chunks/tokens for the speed when usage is missing', () => {
    const { batcher } = fakeBatcher();
    const acc = new RunAccumulator(batcher, 100);
    acc.apply(chunk([{ index: 0, text: 'x', finishReason: null, tokens: null }]), 1000);
    acc.apply(chunk([{ index: 0, text: 'yz', finishReason: null, tokens: [tok('y'), tok('z')] }]), 1100);
    acc.apply(chunk([{ index: 0, text: '', finishReason: 'stop', tokens: null }]), 1500);
    const timing = acc.summary({ startedAt: 0, headersAt: 500, endedAt: 2000 }, routing, true).timing;
    expect(timing).toEqual({ ttfbMs: 500, ttftMs: 1000, totalMs: 2000, tokensPerSecond: 3 });
  });

  it('has no speed without text, and uses the total time when not streamed', () => {
    const { batcher } = fakeBatcher();
    const empty = new RunAccumulator(batcher, 100);
    expect(empty.summary({ startedAt: 0, headersAt: null, endedAt: 10 }, routing, true)).toMatchObject({
      choices: [],
      usage: null,
      timing: { ttfbMs: null, ttftMs: null, totalMs: 10, tokensPerSecond: null },
    });
    const whole = new RunAccumulator(batcher, 100);
    whole.apply(
      chunk([{ index: 0, text: 'all', finishReason: 'stop', tokens: null }], {
        usage: { completionTokens: 8 },
      }),
      2000,
    );
    expect(whole.summary({ startedAt: 0, headersAt: 1990, endedAt: 2000 }, routing, false).timing).toEqual({
      ttfbMs: 1990,
      ttftMs: 2000,
      totalMs: 2000,
      tokensPerSecond: 4,
    });
  });
});
