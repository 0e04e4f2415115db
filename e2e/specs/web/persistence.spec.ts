import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../../fixtures/web';
import { startWebHost } from '../../fixtures/webHost';
import { fillPrompt, setModel } from '../../pages/playground';

test('the form and the chosen profile survive a restart of the host on another port', async ({
  page,
  profiles,
}) => {
  const userDataDir = await mkdtemp(join(tmpdir(), 'playground-e2e-persist-'));
  try {
    const first = await startWebHost({ profiles, userDataDir });
    try {
      await page.goto(first.url);
      await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
      await page.getByLabel('Provider profile').selectOption({ label: 'Nowhere' });
      await setModel(page, 'openai/davinci-002');
      await page.getByRole('textbox', { name: 'Temperature (temperature)' }).fill('0.3');
      // Typed last: the save that carries it carries everything before it.
      await fillPrompt(page, 'Remember me across restarts');
      // Saved by main shortly after the last change (writes are debounced).
      await expect
        .poll(() => readFile(join(userDataDir, 'settings.json'), 'utf8').catch(() => ''))
        .toContain('Remember me across restarts');
    } finally {
      await first.stop();
    }

    const second = await startWebHost({ profiles, userDataDir });
    try {
      expect(new URL(second.url).port).not.toBe(new URL(first.url).port);
      await page.goto(second.url);
      await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
      await expect(page.getByLabel('Prompt (prompt)')).toHaveValue('Remember me across restarts');
      await expect(page.getByLabel('Model (model)')).toHaveValue('openai/davinci-002');
      await expect(page.getByRole('textbox', { name: 'Temperature (temperature)' })).toHaveValue('0.3');
      await expect(page.getByLabel('Provider profile').locator('option:checked')).toHaveText('Nowhere');
    } finally {
      await second.stop();
    }
  } finally {
    await rm(userDataDir, { recursive: true, force: true });
  }
});
