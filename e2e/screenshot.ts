/**
 * `npm run screenshot`: the README's screenshot, taken from the real app (browser mode, built) against
 * the fake gateway. Writes e2e/screenshots/playground.png.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { startFakeGateway } from './fake-gateway/server';
import { startWebHost } from './fixtures/webHost';
import { fillPrompt, runButton, setModel } from './pages/playground';

const output = resolve(import.meta.dirname, 'screenshots/playground.png');
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const gateway = await startFakeGateway({ port: 0, tokensPerSecond: 400 });
const host = await startWebHost({
  profiles: [
    { id: 'local-bifrost', name: 'Local Bifrost', kind: 'bifrost', baseUrl: gateway.url, default: true },
  ],
});
const browser = await chromium.launch({
  ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1 });
  await page.goto(host.url);
  await page.locator('[data-app-state="ready"]').waitFor();
  await setModel(page, 'fail/503');
  await page.getByLabel('Fallbacks (fallbacks)').fill('openai/gpt-3.5-turbo-instruct');
  await page.getByLabel('Fallbacks (fallbacks)').press('Enter');
  await fillPrompt(page, 'Once upon a time in a quiet village by the sea,');
  await page.getByRole('textbox', { name: 'Max tokens (max_tokens)' }).fill('90');
  await page.getByRole('textbox', { name: 'N (n)' }).fill('2');
  await page.getByRole('textbox', { name: 'Seed (seed)' }).fill('7');
  await runButton(page).click();
  await page.getByTestId('run-status').filter({ hasText: 'completed' }).waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Response headers' }).click();
  await page
    .getByRole('complementary', { name: 'Connection and parameters' })
    .evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: output });
  console.log(`Wrote ${output}`);
} finally {
  await browser.close();
  await host.stop();
  await gateway.close();
}
