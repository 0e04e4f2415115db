import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { makeEntry } from '../../../electron/services/history/historyFixtures';
import { expect, test, slowProfiles } from '../../fixtures/web';
import { startWebHost } from '../../fixtures/webHost';
import {
  fillPrompt,
  heatmapTokens,
  numberInput,
  requestLog,
  runButton,
  runToCompletion,
  setModel,
  setNumber,
  stopButton,
} from '../../pages/playground';

/** What the specs use of the page's globals (they are compiled without the DOM library). */
interface PageGlobals {
  navigator: { clipboard: { readText(): Promise<string> } };
  dispatchEvent(event: unknown): boolean;
  CustomEvent: new (type: string) => unknown;
}

const historyDialog = (page: Page) => page.getByRole('dialog', { name: 'History' });
const historyRows = (page: Page) => historyDialog(page).getByTestId('history-row');

async function openHistory(page: Page) {
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await expect(historyDialog(page)).toBeVisible();
  return historyDialog(page);
}

async function closeHistory(page: Page) {
  await historyDialog(page).getByRole('button', { name: 'Close', exact: true }).click();
  await expect(historyDialog(page)).toBeHidden();
}

test('runs are saved: found after a reload, searched, reopened, re-run, deleted, exported and imported', async ({
  app,
  gateway,
}, testInfo) => {
  const { page } = app;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open();
  await setModel(page, 'openai/gpt-3.5-turbo-instruct');
  await fillPrompt(page, 'Tell me about the history panel');
  await setNumber(page, 'Temperature (temperature)', '0.3');
  await setNumber(page, 'Logprobs (logprobs)', '2');
  await setNumber(page, 'Seed (seed)', '11');
  await runToCompletion(page);
  const firstText = await page.getByTestId('choice-0-text').textContent();
  expect(firstText?.length).toBeGreaterThan(0);

  await setModel(page, 'openai/davinci-002');
  await fillPrompt(page, 'A second prompt, newer');
  await setNumber(page, 'Logprobs (logprobs)', '');
  await runToCompletion(page);

  await page.reload();
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  const dialog = await openHistory(page);
  // Newest first.
  await expect(historyRows(page)).toHaveCount(2);
  await expect(historyRows(page).nth(0).getByTestId('history-row-model')).toHaveText('openai/davinci-002');
  await expect(historyRows(page).nth(1).getByTestId('history-row-prompt')).toHaveText(
    'Tell me about the history panel',
  );
  await expect(historyRows(page).nth(1).getByTestId('history-row-status')).toHaveText('completed');
  await expect(historyRows(page).nth(1).getByTestId('history-row-tokens')).toHaveText(/^\d+ tokens$/);
  await expect(dialog.getByTestId('history-count')).toHaveText('2 runs');
  await page.screenshot({ path: '/tmp/team/b-history.png' });

  // Search, server side: by prompt text, then by model.
  const search = dialog.getByRole('searchbox', { name: 'Search the history' });
  await search.fill('HISTORY panel');
  await expect(historyRows(page)).toHaveCount(1);
  await expect(historyRows(page).getByTestId('history-row-model')).toHaveText(
    'openai/gpt-3.5-turbo-instruct',
  );
  await search.fill('davinci');
  await expect(historyRows(page)).toHaveCount(1);
  await expect(historyRows(page).getByTestId('history-row-prompt')).toHaveText('A second prompt, newer');
  await search.fill('nothing like this');
  await expect(dialog.getByText('No saved run matches “nothing like this”.')).toBeVisible();
  await search.fill('');
  await expect(historyRows(page)).toHaveCount(2);

  // Copy as curl from a row: the saved request, key as a placeholder.
  const older = historyRows(page).nth(1);
  await older.getByRole('button', { name: 'Copy as curl' }).click();
  await expect(older.getByTestId('copy-as-curl-status')).toContainText('Copied');
  const curl = await page.evaluate(() =>
    (globalThis as unknown as PageGlobals).navigator.clipboard.readText(),
  );
  expect(curl).toContain(`${gateway.url}/v1/completions`);
  expect(curl).toContain('Tell me about the history panel');

  // Reopen: form and output come back as they were.
  await older.getByRole('button', { name: 'Reopen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Prompt (prompt)')).toHaveValue('Tell me about the history panel');
  await expect(page.getByLabel('Model (model)')).toHaveValue('openai/gpt-3.5-turbo-instruct');
  await expect(numberInput(page, 'Temperature (temperature)')).toHaveValue('0.3');
  await expect(numberInput(page, 'Seed (seed)')).toHaveValue('11');
  await expect(page.getByTestId('run-status')).toHaveText('completed');
  await expect(page.getByTestId('choice-0-text')).toHaveText(firstText ?? '', { useInnerText: false });
  await expect(heatmapTokens(page).first()).toBeVisible();
  await page.screenshot({ path: '/tmp/team/b-reopened.png' });

  // Re-run: a new run with the saved parameters.
  const log = requestLog(gateway);
  await openHistory(page);
  await historyRows(page).nth(1).getByRole('button', { name: 'Re-run' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('run-status')).toHaveText('completed', { timeout: 15_000 });
  expect(log.lastBody()).toMatchObject({
    model: 'openai/gpt-3.5-turbo-instruct',
    prompt: 'Tell me about the history panel',
    temperature: 0.3,
    seed: 11,
    logprobs: 2,
  });
  await openHistory(page);
  await expect(historyRows(page)).toHaveCount(3);
  await expect(historyRows(page).nth(0).getByTestId('history-row-prompt')).toHaveText(
    'Tell me about the history panel',
  );

  // Delete, confirmed.
  await historyRows(page).nth(0).getByRole('button', { name: 'Delete', exact: true }).click();
  await historyRows(page).nth(0).getByRole('button', { name: 'Delete run' }).click();
  await expect(historyRows(page)).toHaveCount(2);
  await expect(dialog.getByRole('status').filter({ hasText: 'Deleted the run.' })).toBeVisible();

  // Export to a file, delete a run, import the file: it is back (the other one is skipped).
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^completions-history-\d{4}-\d\d-\d\d-\d{4}\.json$/);
  const file = testInfo.outputPath('history.json');
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8')) as { runs: unknown[] };
  expect(exported.runs).toHaveLength(2);

  await historyRows(page).nth(0).getByRole('button', { name: 'Delete', exact: true }).click();
  await historyRows(page).nth(0).getByRole('button', { name: 'Delete run' }).click();
  await expect(historyRows(page)).toHaveCount(1);
  await dialog.getByTestId('history-import-file').setInputFiles(file);
  await expect(dialog.getByTestId('history-transfer-status')).toHaveText(
    'Imported 1 run; 1 run was already there.',
  );
  await expect(historyRows(page)).toHaveCount(2);
  await expect(historyRows(page).nth(0).getByTestId('history-row-model')).toHaveText('openai/davinci-002');
  await closeHistory(page);
});

test('the window event (Ctrl/Cmd+H) opens the history, and a bad import file is explained', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await app.open();
  await page.keyboard.press('Control+h');
  await expect(historyDialog(page)).toBeVisible();
  await closeHistory(page);
  await page.evaluate(() => {
    const { dispatchEvent, CustomEvent } = globalThis as unknown as PageGlobals;
    dispatchEvent(new CustomEvent('playground:open-history'));
  });
  const dialog = historyDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('No saved runs yet', { exact: false })).toBeVisible();
  const file = testInfo.outputPath('not-history.json');
  await writeFile(file, '{"format":"something-else"}');
  await dialog.getByTestId('history-import-file').setInputFiles(file);
  await expect(dialog.getByTestId('history-transfer-status')).toHaveText(
    'Import failed: This file is not a Completions Playground history export.',
  );
});

test('a history of 10,000 runs opens fast, renders only the rows in view and pages in the rest', async ({
  page,
  profiles,
}) => {
  test.setTimeout(60_000);
  const userDataDir = await mkdtemp(join(tmpdir(), 'playground-e2e-history-'));
  try {
    // The store's own layout: a sound index is trusted (listing reads no run file).
    const count = 10_000;
    const base = Date.UTC(2026, 0, 1);
    const entries = Array.from({ length: count }, (_, index) =>
      makeEntry(`run-${String(index).padStart(5, '0')}`, base + index * 60_000, {
        promptPreview: `Prompt number ${index}: tell me about item ${index % 97}`,
      }),
    ).reverse();
    await mkdir(join(userDataDir, 'history'), { recursive: true });
    await writeFile(join(userDataDir, 'history', 'index.json'), JSON.stringify({ version: 1, entries }));
    const host = await startWebHost({ profiles, userDataDir });
    try {
      await page.goto(host.url);
      await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
      const started = Date.now();
      const dialog = await openHistory(page);
      await expect(historyRows(page).first()).toContainText('Prompt number 9999');
      const openMs = Date.now() - started;
      expect(openMs).toBeLessThan(3_000);
      await expect(dialog.getByTestId('history-count')).toHaveText('10,000 runs');
      expect(await historyRows(page).count()).toBeLessThan(40);

      // Scrolling to the end pages in the older runs; the DOM stays small.
      const scroller = dialog.getByTestId('history-scroll');
      const oldest = historyRows(page).filter({ hasText: 'Prompt number 0:' });
      // In the page (one round trip): scroll to the end, again as pages arrive, until the oldest run shows.
      const pagingMs = await scroller.evaluate(async (node) => {
        const t0 = performance.now();
        const reachedOldest = () => node.textContent?.includes('Prompt number 0:') === true;
        while (!reachedOldest() && performance.now() - t0 < 30_000) {
          node.scrollTo({ top: node.scrollHeight });
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        return performance.now() - t0;
      });
      expect(pagingMs).toBeLessThan(30_000);
      await expect(oldest).toBeVisible();
      expect(await historyRows(page).count()).toBeLessThan(40);
      await expect(historyRows(page).last()).toHaveAttribute('aria-posinset', '10000');

      await dialog.getByRole('searchbox', { name: 'Search the history' }).fill('about item 42');
      await expect(dialog.getByTestId('history-count')).toHaveText('103 matching runs');
      await expect(historyRows(page).first()).toContainText('Prompt number 9936: tell me about item 42');
    } finally {
      await host.stop();
    }
  } finally {
    await rm(userDataDir, { recursive: true, force: true });
  }
});

test.describe('a slow gateway', () => {
  test.use({ profiles: slowProfiles(20) });

  test('a run stopped mid-stream is saved as interrupted with the text that had arrived', async ({ app }) => {
    const { page } = app;
    await app.open();
    await setModel(page, 'openai/gpt-3.5-turbo-instruct');
    await fillPrompt(page, 'A story to stop');
    await setNumber(page, 'Max tokens (max_tokens)', '400');
    await runButton(page).click();
    const choice = page.getByTestId('choice-0-text');
    await expect(choice).not.toBeEmpty();
    await stopButton(page).click();
    await expect(page.getByTestId('run-status')).not.toHaveText('running');
    const kept = (await choice.textContent()) ?? '';
    expect(kept.length).toBeGreaterThan(0);

    await openHistory(page);
    const row = historyRows(page).first();
    await expect(row.getByTestId('history-row-status')).toHaveText('interrupted');
    await row.getByRole('button', { name: 'Reopen' }).click();
    await expect(page.getByTestId('run-status')).toHaveText('interrupted');
    await expect(choice).toHaveText(kept, { useInnerText: false });
    await expect(page.getByLabel('Prompt (prompt)')).toHaveValue('A story to stop');
    await page.screenshot({ path: '/tmp/team/b-interrupted.png' });
  });
});
