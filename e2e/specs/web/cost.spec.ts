import { formatUsd, usdForTokens } from '../../../shared/cost/cost';
import { expect, test } from '../../fixtures/web';
import { fillPrompt, runButton, setModel, setNumber } from '../../pages/playground';
import type { Page } from '@playwright/test';

/** The prompt and completion token counts the run header shows ("4 prompt · 16 completion · 20 total"). */
async function shownUsage(page: Page, prefix = ''): Promise<{ prompt: number; completion: number }> {
  const text = await page.getByTestId(`${prefix}run-usage`).innerText();
  const match = /([\d,]+) prompt · ([\d,]+) completion/.exec(text);
  if (!match) throw new Error(`No usage in "${text}"`);
  const count = (value: string | undefined) => Number((value ?? '').replace(/,/g, ''));
  return { prompt: count(match[1]), completion: count(match[2]) };
}

const expectedCost = (usage: { prompt: number; completion: number }, input: number, output: number) =>
  formatUsd(usdForTokens(usage.prompt, input) + usdForTokens(usage.completion, output));

async function runOnce(page: Page, model: string, prompt: string): Promise<void> {
  await setModel(page, model);
  await fillPrompt(page, prompt);
  await runButton(page).click();
  await expect(page.getByTestId('run-status')).toHaveText(/completed/i);
}

test.describe('cost', () => {
  test('a run costs its usage at the gateway price, and the session adds runs up', async ({ app }) => {
    const { page } = app;
    await app.open();
    await expect(page.getByTestId('session-cost')).toHaveText('Session: $0 over 0 runs');

    await runOnce(page, 'openai/gpt-3.5-turbo-instruct', 'Once upon a time');
    const first = await shownUsage(page);
    expect(first.prompt).toBeGreaterThan(0);
    const firstCost = expectedCost(first, 1.5, 2);
    await expect(page.getByTestId('run-cost-source')).toHaveText('gateway price');
    await expect(page.getByTestId('run-cost')).toContainText(firstCost);
    await expect(page.getByTestId('session-cost')).toHaveText(`Session: ${firstCost} over 1 run`);

    await setNumber(page, 'Max tokens (max_tokens)', '40');
    await runOnce(page, 'openai/babbage-002', 'A second, longer prompt for the session total');
    const second = await shownUsage(page);
    await expect(page.getByTestId('run-cost')).toContainText(expectedCost(second, 0.4, 0.4));
    const total = formatUsd(
      usdForTokens(first.prompt, 1.5) +
        usdForTokens(first.completion, 2) +
        usdForTokens(second.prompt, 0.4) +
        usdForTokens(second.completion, 0.4),
    );
    await expect(page.getByTestId('session-cost')).toHaveText(`Session: ${total} over 2 runs`);
  });

  test('your own price wins, is shown as such and survives a reload', async ({ app }) => {
    test.slow(); // two runs, the dialog and a reload
    const { page } = app;
    await app.open();
    await runOnce(page, 'openai/davinci-002', 'Price me');
    await expect(page.getByTestId('run-cost-source')).toHaveText('gateway price');

    await page.getByRole('button', { name: 'Model prices' }).click();
    const dialog = page.getByRole('dialog', { name: 'Model prices' });
    await expect(dialog.getByTestId('builtin-prices')).toContainText('davinci-002');
    await expect(dialog.getByTestId('gateway-prices')).toContainText('openai/gpt-3.5-turbo-instruct');
    await expect(dialog.getByLabel('Model')).toHaveValue('openai/davinci-002');
    await dialog.getByLabel('Input $ / 1M tokens').fill('-3');
    await dialog.getByLabel('Output $ / 1M tokens').fill('lots');
    await dialog.getByRole('button', { name: 'Save price' }).click();
    await expect(dialog.getByText('Enter a number such as 1.50')).toHaveCount(2);
    await dialog.getByLabel('Input $ / 1M tokens').fill('10');
    await dialog.getByLabel('Output $ / 1M tokens').fill('20');
    await dialog.getByRole('button', { name: 'Save price' }).click();
    await expect(dialog.getByTestId('user-prices')).toContainText('openai/davinci-002');
    await dialog.getByRole('button', { name: 'Close' }).click();

    const usage = await shownUsage(page);
    await expect(page.getByTestId('run-cost-source')).toHaveText('your price');
    await expect(page.getByTestId('run-cost')).toContainText(expectedCost(usage, 10, 20));

    await page.reload();
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
    await runOnce(page, 'openai/davinci-002', 'Price me again');
    await expect(page.getByTestId('run-cost-source')).toHaveText('your price');
    await expect(page.getByTestId('run-cost')).toContainText(expectedCost(await shownUsage(page), 10, 20));

    await page.getByRole('button', { name: 'Model prices' }).click();
    await page.getByRole('button', { name: 'Remove the price of openai/davinci-002' }).click();
    await expect(dialog.getByTestId('user-prices')).toContainText('None yet.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByTestId('run-cost-source')).toHaveText('gateway price');
  });

  test('the prompt estimate counts tokens for a known model and estimates for others', async ({ app }) => {
    const { page } = app;
    await app.open();
    await setModel(page, 'openai/gpt-3.5-turbo-instruct');
    await fillPrompt(page, 'Once upon a time');
    const estimate = page.getByTestId('prompt-estimate');
    await expect(estimate.getByTestId('prompt-tokens')).toHaveText('Prompt: 4 tokens (cl100k_base)');
    // counted in a worker, off the page's main thread
    expect(page.workers().some((worker) => worker.url().includes('cl100k_base'))).toBe(true);
    // 4 × $1.50/1M + 16 (default max_tokens) × $2/1M
    await expect(estimate.getByTestId('worst-case-cost')).toContainText('$0.000038');
    await setNumber(page, 'Max tokens (max_tokens)', '100');
    await setNumber(page, 'N (n)', '2');
    // 4 × $1.50/1M + 100 × 2 × $2/1M
    await expect(estimate.getByTestId('worst-case-cost')).toContainText('$0.000406');

    await setModel(page, 'ollama/some-local-model');
    await expect(estimate.getByTestId('prompt-tokens')).toContainText('≈ estimate');
    await expect(estimate.getByTestId('worst-case-cost')).toContainText('unknown price');
    await expect(runButton(page)).toBeEnabled();
  });

  test('chunk timing shows the gaps between chunks of a streamed run', async ({ app }) => {
    const { page } = app;
    await app.open();
    await setNumber(page, 'Max tokens (max_tokens)', '30');
    await runOnce(page, 'openai/gpt-3.5-turbo-instruct', 'Time me');
    await page.getByRole('button', { name: 'Chunk timing' }).click();
    await expect(page.getByTestId('run-chunk-gap-stats')).toHaveText(
      /median [\d.]+ m?s · p95 [\d.]+ m?s · max [\d.]+ m?s over \d+ chunks/,
    );
    await expect(
      page.getByRole('img', { name: /Gap between chunks over the run/ }).locator('canvas'),
    ).toBeVisible();
  });
});

test.describe('a gateway that does not list prices', () => {
  test.use({
    profiles: async ({ gateway }, use) => {
      await use([
        {
          id: 'plain',
          name: 'Plain OpenAI-compatible',
          kind: 'openai-compatible',
          baseUrl: gateway.url,
          // GET /openai/models is not a route of the fake gateway: no model list, no gateway prices.
          endpoint: '/openai/completions',
          default: true,
        },
      ]);
    },
  });

  test('a known OpenAI model is costed at the built-in price; an unknown one offers to set a price', async ({
    app,
  }) => {
    const { page } = app;
    await app.open();
    await runOnce(page, 'openai/davinci-002', 'Built-in prices');
    await expect(page.getByTestId('run-cost-source')).toHaveText('built-in price');
    await expect(page.getByTestId('run-cost')).toContainText(expectedCost(await shownUsage(page), 2, 2));

    await runOnce(page, 'acme/mystery-model', 'Who knows');
    await expect(page.getByTestId('run-cost-source')).toHaveText('unknown price');
    await page.getByTestId('run-cost').getByRole('button', { name: 'Set price' }).click();
    const dialog = page.getByRole('dialog', { name: 'Model prices' });
    await expect(dialog.getByLabel('Model')).toHaveValue(/mystery-model/);
    await dialog.getByLabel('Input $ / 1M tokens').fill('1');
    await dialog.getByLabel('Output $ / 1M tokens').fill('1');
    await dialog.getByRole('button', { name: 'Save price' }).click();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByTestId('run-cost-source')).toHaveText('your price');
    await expect(page.getByTestId('run-cost')).toContainText(expectedCost(await shownUsage(page), 1, 1));
  });

  for (const shape of ['flat', 'nested', 'number'] as const) {
    test(`a cost the provider reports (${shape} usage.cost) wins over the price and says so`, async ({
      app,
    }) => {
      const { page } = app;
      await app.open();
      await runOnce(page, `openai/gpt-usage-cost-${shape}`, 'What did this cost?');
      await expect(page.getByTestId('run-cost-source')).toHaveText('reported by provider');
      // The fake provider's rates: $1 / $3 per 1M tokens (e2e/fake-gateway REPORTED_COST_RATES).
      await expect(page.getByTestId('run-cost')).toContainText(expectedCost(await shownUsage(page), 1, 3));
    });
  }
});
