import { chromium, expect, type Browser, type Page } from '@playwright/test';
import { startFakeGateway, type FakeGateway } from '../fake-gateway/server';
import { startWebHost, type RunningWebHost } from '../fixtures/webHost';
import { fillPrompt, runButton, setModel, setNumber, setSwitch } from '../pages/playground';
import { MESSAGE_TIMING_SCRIPT } from './pageProbe';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--enable-precise-memory-info',
    ],
  });
}

/** A fake gateway, the built browser-mode host with a profile pointing at it, and a page on it. */
export interface BenchSession {
  gateway: FakeGateway;
  host: RunningWebHost;
  page: Page;
  close(): Promise<void>;
}

export async function openSession(browser: Browser): Promise<BenchSession> {
  const gateway = await startFakeGateway({ port: 0 });
  const host = await startWebHost({
    profiles: [
      {
        id: 'fake',
        name: 'Fake Bifrost',
        kind: 'bifrost',
        baseUrl: gateway.url,
        endpoint: '/v1/completions',
        default: true,
      },
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(MESSAGE_TIMING_SCRIPT);
  const page = await context.newPage();
  await page.goto(host.url);
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 15_000 });
  return {
    gateway,
    host,
    page,
    async close() {
      await context.close();
      await host.stop();
      await gateway.close();
    },
  };
}

export interface FormValues {
  model: string;
  prompt: string;
  maxTokens: number;
  logprobs?: number;
  n?: number;
  stream: boolean;
}

/** Fills the form through its labelled controls, as a person would. */
export async function fillForm(page: Page, values: FormValues): Promise<void> {
  await setModel(page, values.model);
  await fillPrompt(page, values.prompt);
  await setNumber(page, 'Max tokens (max_tokens)', String(values.maxTokens));
  await setNumber(page, 'Logprobs (logprobs)', values.logprobs === undefined ? '' : String(values.logprobs));
  await setNumber(page, 'N (n)', String(values.n ?? 1));
  await setNumber(page, 'Seed (seed)', '7');
  await setSwitch(page, 'Stream (stream)', values.stream);
  await expect(runButton(page)).toBeEnabled();
}

/** The body of the last completion request the gateway received. */
export function lastRequestBody(gateway: FakeGateway): string {
  const posts = gateway.requests.filter((request) => request.method === 'POST');
  const last = posts[posts.length - 1];
  if (!last) throw new Error('the gateway received no completion request');
  return last.body;
}

/** Wall time of fetching the same request from the gateway in Node and reading the body to the end. */
export async function rawFetchMs(gatewayUrl: string, body: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(`${gatewayUrl}/v1/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const reader = response.body?.getReader();
  let bytes = 0;
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    bytes += chunk.value.byteLength;
  }
  return { ms: performance.now() - started, bytes };
}

/** The text of choice `index` as the gateway generates it (non-streamed, same body otherwise). */
export async function expectedTexts(gatewayUrl: string, body: string): Promise<string[]> {
  const json = JSON.parse(body) as Record<string, unknown>;
  delete json.stream_options;
  const response = await fetch(`${gatewayUrl}/v1/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...json, stream: false }),
  });
  const result = (await response.json()) as { choices?: Array<{ index?: number; text?: string }> };
  const texts: string[] = [];
  for (const choice of result.choices ?? []) texts[choice.index ?? 0] = choice.text ?? '';
  return texts;
}
