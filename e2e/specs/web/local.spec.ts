import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { closedPortUrl, expect, test } from '../../fixtures/web';
import { repoRoot } from '../../fixtures/paths';
import { fillPrompt, runButton, setModel, setNumber } from '../../pages/playground';

/** The 1.1 MB test model shipped beside the repository (never committed into it). */
const MODEL = resolve(repoRoot, '../shared/fixtures/models/stories260K.gguf');
const haveModel = existsSync(MODEL);
if (!haveModel) console.log(`[local engine] skipping: no test model at ${MODEL}`);

test.describe('the built-in local engine', () => {
  test.skip(!haveModel, `no test model at ${MODEL}`);
  test.use({
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take a destructuring pattern
    profiles: async ({}, use) => {
      await use([
        {
          id: 'bifrost',
          name: 'Local Bifrost',
          kind: 'bifrost',
          baseUrl: await closedPortUrl(),
          endpoint: '/v1/completions',
          default: true,
        },
        {
          id: 'tiny',
          name: 'Tiny story model',
          kind: 'local',
          baseUrl: 'http://127.0.0.1',
          modelPath: MODEL,
        },
      ]);
    },
  });

  test('with no gateway running, a new user switches to the local model, runs, and sees a heatmap', async ({
    app,
  }) => {
    test.slow(); // the first run loads llama.cpp and the model
    const { page } = app;
    await app.open();
    const offer = page.getByTestId('local-offer');
    await expect(offer).toContainText('No gateway answers');
    await offer.getByRole('button', { name: 'Use Tiny story model' }).click();
    await expect(page.getByLabel('Provider profile')).toHaveValue('tiny');
    await setModel(page, 'stories260K');
    await fillPrompt(page, 'Once upon a time');
    await setNumber(page, 'Max tokens (max_tokens)', '24');
    await setNumber(page, 'Logprobs (logprobs)', '3');
    await setNumber(page, 'Seed (seed)', '1');
    await runButton(page).click();
    await expect(page.getByTestId('run-status')).toHaveText('completed', { timeout: 30_000 });
    const tokens = page.getByTestId('choice-0-text').getByTestId('token');
    await expect(tokens.first()).toBeVisible();
    expect(await tokens.count()).toBeGreaterThan(5);
    const logprob = Number(await tokens.nth(1).getAttribute('data-logprob'));
    expect(logprob).toBeLessThanOrEqual(0);
    await expect(page.getByTestId('choice-0-text')).not.toContainText('\uFFFD');
    // The engine's token is the profile's key: the app says so, and never shows it.
    await expect(page.getByTestId('run-served-by')).not.toHaveText('');
    // It runs on this machine: free.
    await expect(page.getByTestId('run-cost-source')).toHaveText('local model, free');
    await expect(page.getByTestId('run-cost')).toContainText('$0');
    await page.screenshot({ path: 'test-results/local-engine.png' });
  });
});
