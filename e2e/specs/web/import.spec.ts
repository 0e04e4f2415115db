import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures/web';
import { startWebHost } from '../../fixtures/webHost';
import {
  addLogitBiasRows,
  addStopSequence,
  fillPrompt,
  profileSelect,
  requestLog,
  runToCompletion,
  setModel,
  setNumber,
} from '../../pages/playground';

const DOCS_CURL = `curl -X POST http://localhost:8080/v1/completions -H "Content-Type: application/json" -d '{"model":"openai/gpt-3.5-turbo-instruct","prompt":"Hi","max_tokens":5,"foo":1}'`;
const OPENAI_DOCS_CURL = `curl https://api.openai.com/v1/completions \\
  -H "Content-Type: application/json" \\
  -H "Authorization: Bearer $OPENAI_API_KEY" \\
  -d '{
    "model": "gpt-3.5-turbo-instruct",
    "prompt": "Say this is a test",
    "max_tokens": 7,
    "temperature": 0
  }'`;
const TRICKY_PROMPT = `It's "quoted" $HOME \`id\` !bang 100% ^caret\n\tcafé 🙂`;

test.use({
  page: async ({ page, context }, use) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await use(page);
  },
});

async function openImport(page: Page) {
  await page.getByRole('button', { name: 'Import curl…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a curl command' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The form's request body, as More exports… shows it (JSON body). */
async function previewBody(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'More exports…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the request' });
  await dialog.getByRole('tab', { name: 'JSON body' }).click();
  const body = (await dialog.getByTestId('export-preview').textContent()) ?? '';
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();
  return body;
}

test('our own export, imported into a fresh form, gives the same request', async ({
  app,
  page,
  profiles,
  gateway,
}) => {
  test.slow(); // two hosts, two runs
  await app.open();
  await setModel(page, 'openai/gpt-3.5-turbo-instruct');
  await fillPrompt(page, TRICKY_PROMPT);
  await setNumber(page, 'Max tokens (max_tokens)', '9');
  await setNumber(page, 'Temperature (temperature)', '0.25');
  await setNumber(page, 'Seed (seed)', '31');
  await addStopSequence(page, '###');
  await addLogitBiasRows(page, [['50256', '-100']]);
  const original = await previewBody(page);
  await page.getByRole('button', { name: 'Copy as curl', exact: true }).click();
  await expect(page.getByTestId('copy-as-curl-status')).toHaveText(/^Copied/);
  const curl = await page.evaluate(() =>
    (
      globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
    ).navigator.clipboard.readText(),
  );

  const fresh = await startWebHost({ profiles });
  try {
    await page.goto(fresh.url);
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
    await expect(page.getByLabel('Prompt (prompt)')).toHaveValue('');
    await profileSelect(page).selectOption({ label: 'Nowhere' });

    const dialog = await openImport(page);
    await dialog.getByLabel('Paste a curl command').fill(curl);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const choice = dialog.getByRole('radiogroup', { name: 'Provider profile' });
    await expect(choice.getByRole('radio', { name: /Use the profile “Fake Bifrost”/ })).toBeChecked();
    await expect(choice.getByRole('radio', { name: /Keep the current profile “Nowhere”/ })).not.toBeChecked();
    await expect(dialog.getByRole('region', { name: 'Unknown fields' })).toHaveCount(0);
    await expect(dialog.getByRole('region', { name: 'Import notes' })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Fill the form' }).click();
    await expect(dialog).toBeHidden();

    await expect(profileSelect(page).locator('option:checked')).toHaveText('Fake Bifrost');
    await expect(page.getByLabel('Prompt (prompt)')).toHaveValue(TRICKY_PROMPT);
    expect(await previewBody(page)).toBe(original);
    const log = requestLog(gateway);
    await runToCompletion(page);
    expect(log.lastPost().body).toBe(original);
  } finally {
    await fresh.stop();
  }
});

test('a curl from the Bifrost docs fills the form and lists the unknown field', async ({ app, page }) => {
  await app.open();
  const dialog = await openImport(page);
  await dialog.getByLabel('Paste a curl command').fill(DOCS_CURL);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-unknown-fields')).toHaveText('foo: 1');
  // localhost:8080 is the built-in Local Bifrost profile.
  await expect(dialog.getByRole('radio', { name: /Use the profile “Local Bifrost”/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Fill the form' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByLabel('Model (model)')).toHaveValue('openai/gpt-3.5-turbo-instruct');
  await expect(page.getByLabel('Prompt (prompt)')).toHaveValue('Hi');
  await expect(page.getByRole('textbox', { name: 'Max tokens (max_tokens)', exact: true })).toHaveValue('5');
  await expect(profileSelect(page).locator('option:checked')).toHaveText('Local Bifrost');
  expect(JSON.parse(await previewBody(page))).toEqual({
    model: 'openai/gpt-3.5-turbo-instruct',
    prompt: 'Hi',
    max_tokens: 5,
  });
});

test('a curl to a server no profile sends to creates a new profile (without a key)', async ({
  app,
  page,
}) => {
  await app.open();
  const dialog = await openImport(page);
  await dialog.getByLabel('Paste a curl command').fill(OPENAI_DOCS_CURL);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const newProfile = dialog.getByRole('radio', {
    name: 'Create a new profile “api.openai.com” (https://api.openai.com/v1/completions)',
  });
  await expect(newProfile).toBeChecked();
  await expect(
    dialog.getByRole('radio', { name: 'Keep the current profile “Fake Bifrost”' }),
  ).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Fill the form' }).click();
  await expect(dialog).toBeHidden();

  await expect(profileSelect(page).locator('option:checked')).toHaveText('api.openai.com');
  await expect(page.getByText('https://api.openai.com/v1/completions')).toBeVisible();
  expect(JSON.parse(await previewBody(page))).toEqual({
    model: 'gpt-3.5-turbo-instruct',
    prompt: 'Say this is a test',
    max_tokens: 7,
    temperature: 0,
  });
});

test('text that is not a curl command gets a clear error and stays as pasted', async ({ app, page }) => {
  await app.open();
  const dialog = await openImport(page);
  const field = dialog.getByLabel('Paste a curl command');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('Paste a curl command first.');

  const pasted = 'wget http://example.com/v1/completions';
  await field.fill(pasted);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('This cannot be imported.');
  await expect(dialog.getByRole('alert')).toContainText('No curl command was found.');
  await expect(field).toHaveValue(pasted);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('button', { name: 'Fill the form' })).toHaveCount(0);
});

test('a literal key is not imported, and the way to the key field is offered', async ({ app, page }) => {
  await app.open();
  const dialog = await openImport(page);
  const secret = 'sk-literal-key-in-command-123';
  await dialog
    .getByLabel('Paste a curl command')
    .fill(
      `curl http://localhost:8080/v1/completions -H 'x-bf-vk: ${secret}' -d '{"model":"openai/m","prompt":"x"}'`,
    );
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-notes')).toContainText('The key in the command is not imported');
  await dialog.getByRole('button', { name: 'Fill the form' }).click();
  await expect(dialog.getByRole('status')).toContainText('it was not imported');
  await dialog.getByRole('button', { name: 'Paste the key in Edit profiles' }).click();
  const profiles = page.getByRole('dialog', { name: 'Edit profiles' });
  await expect(profiles).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Import a curl command' })).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(secret);
});
