import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { closedPortUrl, expect, test } from '../../fixtures/web';
import { startWebHost } from '../../fixtures/webHost';
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

  test('a new user downloads the suggested model (from a mirror, sha256-checked) and runs it', async ({
    page,
  }) => {
    test.slow();
    // A mirror of Hugging Face on loopback (PLAYGROUND_MODEL_MIRROR): the real file, so its sha256 matches.
    const file = readFileSync(MODEL);
    const requested: string[] = [];
    const mirror = createServer((req, res) => {
      requested.push(req.url ?? '');
      res.writeHead(200, { 'content-length': file.length });
      res.end(file);
    });
    await new Promise<void>((resolveListen) => mirror.listen(0, '127.0.0.1', resolveListen));
    const mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}`;
    const host = await startWebHost({
      profiles: [
        { id: 'nowhere', name: 'Nowhere', kind: 'bifrost', baseUrl: await closedPortUrl(), default: true },
      ],
      env: { PLAYGROUND_MODEL_MIRROR: mirrorUrl },
    });
    try {
      await page.goto(host.url);
      await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
      await page.getByRole('button', { name: 'Edit profiles' }).click();
      const dialog = page.getByRole('dialog', { name: 'Edit profiles' });
      await dialog.getByRole('button', { name: 'New profile' }).click();
      await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Downloaded model');
      await dialog.getByLabel('Kind', { exact: true }).selectOption({ label: 'Local model (llama.cpp)' });
      await dialog.getByRole('button', { name: 'Download TinyStories 260K' }).click();
      await expect(
        dialog.getByRole('status').filter({ hasText: 'Downloaded stories260K.gguf.' }),
      ).toBeVisible();
      expect(requested).toEqual(['/ggml-org/models/resolve/main/tinyllamas/stories260K.gguf']);
      const path = dialog.getByRole('textbox', { name: 'Model file (GGUF)' });
      await expect(path).toHaveValue(/models[\\/]stories260K\.gguf$/);
      await expect(dialog.getByRole('list', { name: 'Installed models' })).toContainText('stories260K.gguf');
      await page.screenshot({ path: 'test-results/local-download.png' });
      await dialog.getByRole('button', { name: 'Save profile' }).click();
      await expect(page.getByTestId('profile-message')).toHaveText(/Profile saved/);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await page.getByLabel('Provider profile').selectOption({ label: 'Downloaded model' });
      await setModel(page, 'stories260K');
      await fillPrompt(page, 'Once upon a time');
      await setNumber(page, 'Logprobs (logprobs)', '2');
      await runButton(page).click();
      await expect(page.getByTestId('run-status')).toHaveText('completed', { timeout: 30_000 });
      await expect(page.getByTestId('choice-0-text').getByTestId('token').first()).toBeVisible();
    } finally {
      await host.stop();
      await new Promise<void>((resolveClose) => mirror.close(() => resolveClose()));
    }
  });

  test('a model already in the models folder is offered when the gateway does not answer', async ({
    page,
  }) => {
    test.slow();
    const userDataDir = mkdtempSync(join(tmpdir(), 'playground-e2e-models-'));
    mkdirSync(join(userDataDir, 'models'));
    copyFileSync(MODEL, join(userDataDir, 'models', 'stories260K.gguf'));
    const host = await startWebHost({
      profiles: [
        { id: 'nowhere', name: 'Nowhere', kind: 'bifrost', baseUrl: await closedPortUrl(), default: true },
      ],
      userDataDir,
    });
    try {
      await page.goto(host.url);
      await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
      const offer = page.getByTestId('local-offer');
      await expect(offer).toContainText('stories260K.gguf is on this computer');
      await offer.getByRole('button', { name: 'Use stories260K.gguf' }).click();
      await expect(page.getByLabel('Provider profile')).toHaveValue('local-stories260K');
      await setModel(page, 'stories260K');
      await fillPrompt(page, 'Once upon a time');
      await runButton(page).click();
      await expect(page.getByTestId('run-status')).toHaveText('completed', { timeout: 30_000 });
      await expect(page.getByTestId('choice-0')).not.toHaveText('');
    } finally {
      await host.stop();
      rmSync(userDataDir, { recursive: true, force: true });
    }
  });
});
