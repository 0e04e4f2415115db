import { describe, expect, it } from 'vitest';
import { measureTokensPerSecond } from './throughput';
import { TEST_MODEL, testModelMissing } from './testing/testModel';

const MODEL = TEST_MODEL;
const missing = testModelMissing('the throughput test');

describe.skipIf(missing)('measureTokensPerSecond', () => {
  it('reports positive rates for every way of running the model', async () => {
    const report = await measureTokensPerSecond({ modelPath: MODEL, tokens: 64 });
    const rates = [
      report.native,
      report.engine.withLogprobs,
      report.engine.withoutLogprobs,
      report.server.withLogprobs,
      report.server.withoutLogprobs,
    ];
    for (const rate of rates) {
      expect(Number.isFinite(rate)).toBe(true);
      expect(rate).toBeGreaterThan(0);
    }
    expect(report.serverRatio).toBeCloseTo(report.server.withoutLogprobs / report.native, 9);
  });
});
