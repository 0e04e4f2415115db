import type { Locator, Page } from '@playwright/test';
import { expect, test, slowProfiles } from '../../fixtures/web';
import { addFallback, fillPrompt, setModel, setNumber } from '../../pages/playground';

const compareButton = (page: Page) => page.getByRole('button', { name: 'Compare', exact: true });
const runAll = (page: Page) => page.getByRole('button', { name: 'Run all', exact: true });
const columns = (page: Page) => page.getByTestId('compare-column');
const column = (page: Page, label: string) => page.getByRole('region', { name: label, exact: true });

async function openCompare(page: Page, model: string, fallbacks: readonly string[]): Promise<void> {
  await setModel(page, model);
  await fillPrompt(page, 'Compare these');
  for (const fallback of fallbacks) await addFallback(page, fallback);
  await compareButton(page).click();
}

/** The text of each display span of a column's first choice (its heatmap tokens). */
async function spanTexts(columnLocator: Locator): Promise<string[]> {
  return columnLocator.getByTestId('choice-0').getByTestId('token').allTextContents();
}

test.describe('compare', () => {
  test.describe('a slow gateway', () => {
    test.use({ profiles: slowProfiles(6) });

    test('the primary and three fallbacks stream in four columns; Stop on one leaves the others running', async ({
      app,
      gateway,
    }) => {
      const { page } = app;
      await app.open();
      const fallbacks = ['anthropic/claude-instant-1', 'openai/davinci-002', 'openai/babbage-002'];
      await openCompare(page, 'openai/gpt-3.5-turbo-instruct', fallbacks);
      await setNumber(page, 'Max tokens (max_tokens)', '40');
      const gatewayToggle = page.getByRole('checkbox', { name: /Gateway fallback run/ });
      await gatewayToggle.press('Space');
      await expect(gatewayToggle).not.toBeChecked();
      await expect(columns(page)).toHaveCount(4);
      await runAll(page).click();
      for (const label of ['openai/gpt-3.5-turbo-instruct', ...fallbacks])
        await expect(column(page, label).getByTestId('run-status')).toHaveText('running');
      // Every column streams: text arrives in each while they all still run.
      for (const label of ['openai/gpt-3.5-turbo-instruct', ...fallbacks])
        await expect(column(page, label).getByTestId('choice-0')).not.toHaveText('');
      await page.getByRole('button', { name: 'Stop openai/davinci-002' }).click();
      await expect(column(page, 'openai/davinci-002').getByTestId('run-status')).toHaveText('aborted');
      await expect(column(page, 'openai/gpt-3.5-turbo-instruct').getByTestId('run-status')).toHaveText(
        'running',
      );
      await expect(column(page, 'openai/babbage-002').getByTestId('run-status')).toHaveText('completed', {
        timeout: 20_000,
      });
      await expect(column(page, 'openai/davinci-002').getByTestId('run-status')).toHaveText('aborted');
      // Direct columns ask their own model only: no fallbacks in their requests.
      const bodies = gateway.requests
        .filter((request) => request.method === 'POST')
        .map((request) => JSON.parse(request.body) as Record<string, unknown>);
      expect(bodies.map((body) => body['model']).sort()).toEqual(
        ['openai/gpt-3.5-turbo-instruct', ...fallbacks].sort(),
      );
      expect(bodies.every((body) => body['fallbacks'] === undefined)).toBe(true);
    });
  });

  test('a gateway fallback run with a failing primary shows which fallback served it', async ({
    app,
    gateway,
  }) => {
    const { page } = app;
    await app.open();
    await openCompare(page, 'fail/503', ['openai/davinci-002', 'openai/babbage-002']);
    // Before any run, a column exports what it would send now: its own model, no fallbacks, and the
    // prompt as the form has it at the moment of the click.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await fillPrompt(page, 'Exported before running');
    await column(page, 'openai/davinci-002').getByRole('button', { name: 'Copy as curl' }).click();
    // The copy is asynchronous (main builds the request): read the clipboard once it says so.
    await expect(column(page, 'openai/davinci-002').getByTestId('copy-as-curl-status')).toHaveText(/^Copied/);
    const beforeRun = String(await page.evaluate('navigator.clipboard.readText()'));
    expect(beforeRun).toContain('"model":"openai/davinci-002"');
    expect(beforeRun).toContain('Exported before running');
    expect(beforeRun).not.toContain('fallbacks');
    await runAll(page).click();
    const gatewayColumn = column(page, 'Gateway fallback run');
    await expect(gatewayColumn.getByTestId('gateway-outcome')).toHaveText(
      /Served by fallback 1: openai\/davinci-002/,
    );
    await expect(gatewayColumn.getByTestId('run-status')).toHaveText('completed');
    await expect(gatewayColumn.getByTestId('run-cost')).not.toHaveText('');
    // Each column exports its own request: the gateway column's has the fallbacks.
    await gatewayColumn.getByRole('button', { name: 'Copy as curl' }).click();
    await expect(gatewayColumn.getByTestId('copy-as-curl-status')).toHaveText(/^Copied/);
    const copied = String(await page.evaluate('navigator.clipboard.readText()'));
    expect(copied).toContain('"fallbacks":["openai/davinci-002","openai/babbage-002"]');
    expect(copied).toMatch(/^curl /);
    await expect(column(page, 'fail/503').getByTestId('run-status')).toHaveText('failed');
    const sent = gateway.requests
      .filter((request) => request.method === 'POST')
      .map((request) => JSON.parse(request.body) as Record<string, unknown>);
    expect(sent.filter((body) => Array.isArray(body['fallbacks']))).toHaveLength(1);
  });

  test('the divergence marker sits at the first differing token; a word diff and marks are shown', async ({
    app,
  }) => {
    const { page } = app;
    await app.open();
    await openCompare(page, 'openai/gpt-3.5-turbo-instruct', []);
    await setNumber(page, 'Logprobs (logprobs)', '3');
    await setNumber(page, 'Seed (seed)', '7');
    // The same model again, with fewer tokens: same text up to where the shorter one stops… and a
    // third target that differs from its first words.
    await page.getByLabel('Target model').fill('openai/gpt-3.5-turbo-instruct');
    await page.getByRole('button', { name: 'Add target' }).click();
    await page.getByLabel('Target model').fill('openai/babbage-002');
    await page.getByRole('button', { name: 'Add target' }).click();
    await expect(columns(page)).toHaveCount(3);
    await columns(page).nth(0).getByLabel('Overrides (JSON)').fill('{"max_tokens": 30}');
    await columns(page).nth(1).getByLabel('Overrides (JSON)').fill('{"max_tokens": 12}');
    await runAll(page).click();
    for (let index = 0; index < 3; index++)
      await expect(columns(page).nth(index).getByTestId('run-status')).toHaveText('completed');

    const reference = await columns(page)
      .nth(0)
      .getByTestId('choice-0')
      .getByTestId('token')
      .allTextContents();
    for (const index of [1, 2]) {
      const other = columns(page).nth(index);
      const texts = await spanTexts(other);
      const [a, b] = [texts.join(''), reference.join('')];
      let offset = 0;
      while (offset < Math.min(a.length, b.length) && a[offset] === b[offset]) offset++;
      let start = 0;
      let expectedSpan = texts.length - 1;
      for (const [span, text] of texts.entries()) {
        if (offset < start + text.length) {
          expectedSpan = span;
          break;
        }
        start += text.length;
      }
      const marker = other.getByTestId('divergence');
      await expect(marker).toHaveAttribute('data-offset', String(offset));
      await expect(marker).toHaveAttribute('data-span', String(expectedSpan));
      const token = other.locator(`[data-testid="token"][data-s="${expectedSpan}"]`);
      await expect(token).toHaveCSS('outline-style', 'solid');
    }
    await expect(page.getByTestId('word-diff')).toContainText(reference.join('').slice(0, 10));
    await expect(page.getByTestId('top-overlap')).toContainText(
      /Top alternatives overlap \d+% over \d+ aligned tokens/,
    );
    await expect(page.getByTestId('compare-marks').first()).toBeVisible();
    await columns(page).nth(0).getByTestId('choice-0').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/compare-view.png' });
  });

  test('the seed check matches for a fixed seed and not when the provider varies', async ({ app }) => {
    const { page } = app;
    await app.open();
    await openCompare(page, 'openai/gpt-3.5-turbo-instruct', ['acme/nondeterministic-model']);
    await setNumber(page, 'Seed (seed)', '42');
    const result = page.getByTestId('seed-check-result');
    await page.getByRole('button', { name: 'Run seed check' }).click();
    await expect(result).toHaveText(/^Match: same text and logprobs|^Match: same text/);
    await page
      .getByRole('combobox', { name: 'Seed check' })
      .selectOption({ label: 'acme/nondeterministic-model' });
    await page.getByRole('button', { name: 'Run seed check' }).click();
    await expect(result).toHaveText(/^Mismatch: .*(text|system_fingerprint)/);
  });

  test('scrolling one column scrolls the others, unless Sync scroll is off', async ({ app }) => {
    const { page } = app;
    await app.open();
    await openCompare(page, 'openai/gpt-3.5-turbo-instruct', ['openai/davinci-002']);
    await setNumber(page, 'Max tokens (max_tokens)', '1500');
    await runAll(page).click();
    for (let index = 0; index < 2; index++)
      await expect(columns(page).nth(index).getByTestId('run-status')).toHaveText('completed');
    const scrollers = page.locator('[data-compare-scroller]');
    const scrollTop = (index: number) => scrollers.nth(index).evaluate((element) => element.scrollTop);
    await scrollers.nth(0).evaluate((element) => (element.scrollTop = element.scrollHeight / 2));
    await expect.poll(() => scrollTop(1)).toBeGreaterThan(100);
    const toggle = page.getByRole('checkbox', { name: 'Sync scroll' });
    await toggle.press('Space');
    await expect(toggle).not.toBeChecked();
    const before = await scrollTop(1);
    await scrollers.nth(0).evaluate((element) => (element.scrollTop = 0));
    await expect.poll(() => scrollTop(0)).toBe(0);
    expect(await scrollTop(1)).toBe(before);
  });
});
