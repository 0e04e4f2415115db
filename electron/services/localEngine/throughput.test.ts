import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measureTokensPerSecond } from './throughput';

const MODEL = '/work/shared/fixtures/models/stories260K.gguf';
const missing = !existsSync(MODEL);
if (missing) console.warn(`Skipping the throughput test: the test model ${MODEL} is missing.`);

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
