import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures/web';
import { addStopSequence, expectTags, fillPrompt, numberInput, setNumber } from '../../pages/playground';

const presetsBar = (page: Page) => page.getByRole('region', { name: 'Presets' });
const presetSelect = (page: Page) => page.getByLabel('Preset', { exact: true });
const manager = (page: Page) => page.getByRole('dialog', { name: 'Manage presets' });

async function savePreset(page: Page, name: string) {
  await presetsBar(page).getByRole('button', { name: 'Save preset…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save preset' });
  await dialog.getByRole('textbox', { name: 'Preset name' }).fill(name);
  await dialog.getByRole('button', { name: 'Save preset', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(presetsBar(page).getByTestId('presets-status')).toHaveText(`Saved “${name}”.`);
}

test('presets: save, apply, rename, delete, export and import; they survive a reload', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await app.open();
  await fillPrompt(page, 'A prompt presets never touch');
  await setNumber(page, 'Temperature (temperature)', '0.2');
  await setNumber(page, 'Max tokens (max_tokens)', '64');
  await addStopSequence(page, 'END');
  await savePreset(page, 'Focused');
  await expect(presetSelect(page).locator('option:checked')).toHaveText('Focused');

  // Change the form, then apply: the parameters come back, the prompt stays.
  await setNumber(page, 'Temperature (temperature)', '1.5');
  await setNumber(page, 'Max tokens (max_tokens)', '');
  await setNumber(page, 'Seed (seed)', '5');
  await savePreset(page, 'Creative');
  await presetSelect(page).selectOption({ label: 'Focused' });
  await presetsBar(page).getByRole('button', { name: 'Apply preset' }).click();
  await expect(presetsBar(page).getByTestId('presets-status')).toHaveText('Applied “Focused”.');
  await expect(numberInput(page, 'Temperature (temperature)')).toHaveValue('0.2');
  await expect(numberInput(page, 'Max tokens (max_tokens)')).toHaveValue('64');
  await expect(numberInput(page, 'Seed (seed)')).toHaveValue('');
  await expectTags(page.getByRole('grid', { name: 'Current stop sequences' }), ['END']);
  await expect(page.getByLabel('Prompt (prompt)')).toHaveValue('A prompt presets never touch');
  await page.screenshot({ path: '/tmp/team/b-presets-sidebar.png' });

  // Saving under an existing name says it replaces it.
  await presetsBar(page).getByRole('button', { name: 'Save preset…' }).click();
  const saveDialog = page.getByRole('dialog', { name: 'Save preset' });
  await saveDialog.getByRole('textbox', { name: 'Preset name' }).fill('creative');
  await expect(saveDialog.getByText('Saving replaces the preset “Creative”.')).toBeVisible();
  await saveDialog.getByRole('button', { name: 'Cancel' }).click();

  // Rename.
  await presetsBar(page).getByRole('button', { name: 'Manage presets…' }).click();
  const dialog = manager(page);
  await expect(dialog.getByTestId('preset-item')).toHaveCount(2);
  await expect(dialog.getByTestId('preset-item').first()).toContainText('Creative');
  await dialog.getByRole('button', { name: 'Rename Focused' }).click();
  await dialog.getByRole('textbox', { name: 'New name for Focused' }).fill('creative');
  await dialog.getByRole('button', { name: 'Save name' }).click();
  await expect(dialog.getByText('A preset named “Creative” already exists.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'New name for Focused' }).fill('Precise');
  await dialog.getByRole('button', { name: 'Save name' }).click();
  await expect(
    dialog.getByRole('status').filter({ hasText: 'Renamed “Focused” to “Precise”.' }),
  ).toBeVisible();
  await expect(dialog.getByTestId('preset-item')).toHaveText([/^Creative/, /^Precise/]);
  await page.screenshot({ path: '/tmp/team/b-presets-manage.png' });

  // Export, delete, import: it is back.
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export presets…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^completions-presets-.*\.json$/);
  const file = testInfo.outputPath('presets.json');
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8')) as { presets: Array<{ name: string }> };
  expect(exported.presets.map((preset) => preset.name)).toEqual(['Creative', 'Precise']);

  await dialog.getByRole('button', { name: 'Delete Creative' }).click();
  await dialog.getByRole('button', { name: 'Delete preset' }).click();
  await expect(dialog.getByTestId('preset-item')).toHaveCount(1);
  await dialog.getByTestId('presets-import-file').setInputFiles(file);
  await expect(dialog.getByTestId('presets-transfer-status')).toHaveText(
    'Imported 1 preset; 1 preset was already there.',
  );
  await expect(dialog.getByTestId('preset-item')).toHaveText([/^Creative/, /^Precise/]);
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();

  await page.reload();
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(presetSelect(page).locator('option')).toHaveText(['Choose a preset…', 'Creative', 'Precise']);
  await presetSelect(page).selectOption({ label: 'Creative' });
  await presetsBar(page).getByRole('button', { name: 'Apply preset' }).click();
  await expect(numberInput(page, 'Temperature (temperature)')).toHaveValue('1.5');
  await expect(numberInput(page, 'Seed (seed)')).toHaveValue('5');
});

test('a preset cannot be saved while a parameter has a problem', async ({ app }) => {
  const { page } = app;
  await app.open();
  await setNumber(page, 'Temperature (temperature)', 'warm');
  await presetsBar(page).getByRole('button', { name: 'Save preset…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save preset' });
  await expect(dialog.getByRole('alert')).toHaveText(
    'Fix the problem in the parameters first (temperature: Enter a number).',
  );
  await expect(dialog.getByRole('button', { name: 'Save preset', exact: true })).toBeDisabled();
});
