import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/**
 * With `BENCH_CPU_PROFILE=<dir>`, records the page's CPU profile over a measured span and writes
 * `<dir>/<name>.cpuprofile` (open it in Chrome DevTools; build with PLAYGROUND_NO_MINIFY=1 for names).
 * Without it, does nothing, so the figures are not disturbed.
 */
export async function startCpuProfile(page: Page): Promise<{ stop(name: string): Promise<void> }> {
  const dir = process.env.BENCH_CPU_PROFILE;
  if (!dir) return { stop: async () => undefined };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async stop(name) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
      await cdp.detach();
    },
  };
}
