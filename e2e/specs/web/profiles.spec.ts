import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startFakeGateway } from '../../fake-gateway/server';
import { expect, test } from '../../fixtures/web';
import { startWebHost } from '../../fixtures/webHost';
import {
  closeProfilesDialog,
  fillPrompt,
  openProfilesDialog,
  profileSelect,
  requestLog,
  runButton,
  runToCompletion,
  setModel,
} from '../../pages/playground';

const MODEL = 'openai/gpt-3.5-turbo-instruct';
const SECRET = 'sk-e2e-secret-123';

interface NewProfile {
  name: string;
  kind: 'Bifrost' | 'OpenAI' | 'OpenAI-compatible';
  baseUrl: string;
  endpoint: string;
  headers?: Array<[string, string]>;
}

/** Fills the "New profile" form in the open dialog (does not save). */
async function fillNewProfile(page: Page, profile: NewProfile): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Edit profiles' });
  await dialog.getByRole('button', { name: 'New profile' }).click();
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(profile.name);
  await dialog.getByLabel('Kind', { exact: true }).selectOption({ label: profile.kind });
  await dialog.getByRole('textbox', { name: 'Base URL', exact: true }).fill(profile.baseUrl);
  await dialog.getByRole('combobox', { name: 'Endpoint', exact: true }).fill(profile.endpoint);
  for (const [index, [name, value]] of (profile.headers ?? []).entries()) {
    await dialog.getByRole('button', { name: 'Add header' }).click();
    await dialog.getByRole('textbox', { name: `Header name ${index + 1}`, exact: true }).fill(name);
    await dialog.getByRole('textbox', { name: `Header value ${index + 1}`, exact: true }).fill(value);
  }
}

async function createProfile(page: Page, profile: NewProfile): Promise<void> {
  await openProfilesDialog(page);
  await fillNewProfile(page, profile);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByTestId('profile-message')).toHaveText(/Profile saved/);
  await expect(
    page.getByRole('listbox', { name: 'Profiles' }).getByRole('option', { name: profile.name }),
  ).toBeVisible();
  await closeProfilesDialog(page);
}

/** `document.documentElement.outerHTML` (e2e code has no DOM types, so it is evaluated as text). */
async function pageHtml(page: Page): Promise<string> {
  const html: unknown = await page.evaluate('document.documentElement.outerHTML');
  if (typeof html !== 'string') throw new Error('outerHTML is not a string');
  return html;
}

/** Every localStorage and sessionStorage entry of the page, as `name=value` lines. */
async function webStorage(page: Page): Promise<string> {
  const dump: unknown = await page.evaluate(`[localStorage, sessionStorage]
    .flatMap((store) => Object.keys(store).map((name) => name + '=' + store.getItem(name)))
    .join('\\n')`);
  if (typeof dump !== 'string') throw new Error('storage dump is not a string');
  return dump;
}

async function openHost(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
}

const demoProfile = (baseUrl: string): NewProfile => ({
  name: 'Demo compatible',
  kind: 'OpenAI-compatible',
  baseUrl,
  endpoint: '/v1/completions',
  headers: [['x-bf-cache-key', 'demo']],
});

test.describe('profiles made in the app', () => {
  test('a new profile is used for the run: its endpoint and extra header reach the gateway, and it survives a reload', async ({
    app,
    gateway,
  }) => {
    const { page } = app;
    await app.open();
    const log = requestLog(gateway);
    await createProfile(page, demoProfile(gateway.url));
    await profileSelect(page).selectOption({ label: 'Demo compatible' });
    await expect(profileSelect(page).locator('option:checked')).toHaveText('Demo compatible');

    await setModel(page, MODEL);
    await fillPrompt(page, 'Through the new profile');
    await runToCompletion(page);
    const sent = log.lastPost();
    expect(sent.path).toBe('/v1/completions');
    expect(sent.headers['x-bf-cache-key']).toBe('demo');
    // No key configured, and an OpenAI-compatible profile never gets a Bifrost key header.
    expect(sent.headers['x-bf-vk']).toBeUndefined();
    expect(sent.headers['authorization']).toBeUndefined();

    // The endpoint is the profile's: change it and the next run goes there.
    await openProfilesDialog(page);
    await page
      .getByRole('listbox', { name: 'Profiles' })
      .getByRole('option', { name: 'Demo compatible' })
      .click();
    await page.getByRole('combobox', { name: 'Endpoint', exact: true }).fill('/openai/v1/completions');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByTestId('profile-message')).toHaveText('Profile saved.');
    await closeProfilesDialog(page);
    await runToCompletion(page);
    expect(log.lastPost().path).toBe('/openai/v1/completions');
    expect(log.lastPost().headers['x-bf-cache-key']).toBe('demo');

    await page.reload();
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
    await expect(profileSelect(page).getByRole('option', { name: 'Demo compatible' })).toHaveCount(1);
    await expect(profileSelect(page).locator('option:checked')).toHaveText('Demo compatible');
  });

  test('a new profile survives a restart of the host with the same user-data folder', async ({
    page,
    gateway,
    profiles,
  }) => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'playground-e2e-restart-'));
    try {
      const first = await startWebHost({ profiles, userDataDir });
      try {
        await openHost(page, first.url);
        await createProfile(page, demoProfile(gateway.url));
      } finally {
        await first.stop();
      }

      const second = await startWebHost({ profiles, userDataDir });
      try {
        await openHost(page, second.url);
        await expect(profileSelect(page).getByRole('option')).toHaveText([
          'Local Bifrost',
          'Fake Bifrost',
          'Nowhere',
          'Demo compatible',
        ]);
        // Everything was kept, the header included.
        const log = requestLog(gateway);
        await profileSelect(page).selectOption({ label: 'Demo compatible' });
        await setModel(page, MODEL);
        await fillPrompt(page, 'After a restart');
        await runToCompletion(page);
        expect(log.lastPost().headers['x-bf-cache-key']).toBe('demo');
      } finally {
        await second.stop();
      }
    } finally {
      await rm(userDataDir, { recursive: true, force: true });
    }
  });

  test('an invalid profile shows inline messages and nothing is saved', async ({ app }) => {
    const { page } = app;
    await app.open();
    const before = await profileSelect(page).getByRole('option').allTextContents();
    const dialog = await openProfilesDialog(page);
    await fillNewProfile(page, {
      name: 'Broken',
      kind: 'Bifrost',
      baseUrl: 'ftp://x',
      endpoint: '/v1/completions',
      headers: [['Authorization', 'Bearer nope']],
    });
    await dialog.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByTestId('profile-message')).toHaveText('Fix the marked fields to save.');
    const baseUrl = dialog.getByRole('textbox', { name: 'Base URL', exact: true });
    await expect(baseUrl).toHaveAttribute('aria-invalid', 'true');
    await expect(baseUrl).toHaveAccessibleDescription(/Enter an http:\/\/ or https:\/\/ URL/);
    const headerName = dialog.getByRole('textbox', { name: 'Header name 1', exact: true });
    await expect(headerName).toHaveAttribute('aria-invalid', 'true');
    await expect(headerName).toHaveAccessibleDescription(/Keys go in the key field, not in extra headers/);
    await expect(dialog.getByRole('listbox', { name: 'Profiles' }).getByRole('option')).toHaveCount(
      before.length,
    );
    await expect(dialog.getByRole('option', { name: /Broken/ })).toHaveCount(0);

    // Still nothing after a reload: the host has not stored it.
    await closeProfilesDialog(page);
    await page.reload();
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
    await expect(profileSelect(page).getByRole('option')).toHaveText(before);
  });
});

test.describe('keys', () => {
  test('a session key is sent as x-bf-vk and never shown or stored in the page', async ({ app, gateway }) => {
    const { page } = app;
    await app.open();
    const log = requestLog(gateway);
    await expect(profileSelect(page).locator('option:checked')).toHaveText('Fake Bifrost');
    await expect(page.getByTestId('key-status')).toHaveText('No key');

    const dialog = await openProfilesDialog(page);
    await expect(dialog.getByTestId('profile-key-status')).toHaveText('No key');
    const keyField = dialog.getByLabel('API key', { exact: true });
    await expect(keyField).toHaveAttribute('type', 'password');
    await keyField.fill(SECRET);
    await dialog.getByRole('button', { name: 'Save key' }).click();
    await expect(dialog.getByTestId('key-message')).toHaveText('Key saved.');
    await expect(dialog.getByTestId('profile-key-status')).toHaveText(/session only/i);
    await expect(keyField).toHaveValue('');
    expect(await pageHtml(page)).not.toContain(SECRET);
    await closeProfilesDialog(page);
    await expect(page.getByTestId('key-status')).toHaveText(/session only/i);

    await setModel(page, MODEL);
    await fillPrompt(page, 'With a key');
    await runToCompletion(page);
    expect(log.lastPost().headers['x-bf-vk']).toBe(SECRET);
    expect(log.lastPost().headers['authorization']).toBeUndefined();

    // The request as shown has a placeholder where the key went.
    await page.getByRole('button', { name: 'Request sent' }).click();
    const shown = page.locator('.request-details');
    await expect(shown).toContainText('x-bf-vk');
    await expect(shown).toContainText('<key>');
    await expect(shown).not.toContainText(SECRET);

    const html = await pageHtml(page);
    expect(html).not.toContain(SECRET);
    expect(html).toContain('x-bf-vk'); // the dump is real: it holds the request shown above
    const storage = await webStorage(page);
    expect(storage).not.toContain(SECRET);
    // The storage dump is real: it holds the form.
    expect(storage).toContain('completions-playground.params');

    // Clearing the key: not configured, and the next run sends none.
    const again = await openProfilesDialog(page);
    await again.getByRole('button', { name: 'Clear key' }).click();
    await expect(again.getByTestId('key-message')).toHaveText('Key cleared.');
    await expect(again.getByTestId('profile-key-status')).toHaveText('No key');
    await closeProfilesDialog(page);
    await expect(page.getByTestId('key-status')).toHaveText('No key');
    await runToCompletion(page);
    expect(log.posts()).toHaveLength(2);
    expect(log.lastPost().headers['x-bf-vk']).toBeUndefined();
  });

  test('a gateway that requires a key: rejected without it, accepted with it', async ({ page }) => {
    const locked = await startFakeGateway({ port: 0, requiredKey: 'sk-right' });
    const host = await startWebHost({
      profiles: [
        { id: 'locked', name: 'Locked Bifrost', kind: 'bifrost', baseUrl: locked.url, default: true },
      ],
    });
    try {
      await openHost(page, host.url);
      await expect(page.getByTestId('model-list-status')).toHaveText(/rejected the key \(401\)/);

      await setModel(page, MODEL);
      await fillPrompt(page, 'Let me in');
      await runButton(page).click();
      await expect(page.getByTestId('run-error')).toContainText('The provider rejected the key');
      await expect(page.getByTestId('run-status')).toHaveText(/failed/i);

      const dialog = await openProfilesDialog(page);
      await dialog.getByRole('button', { name: 'Test key' }).click();
      await expect(dialog.getByTestId('key-message')).toHaveText(/rejected the key/);

      await dialog.getByLabel('API key', { exact: true }).fill('sk-wrong');
      await dialog.getByRole('button', { name: 'Save key' }).click();
      await expect(dialog.getByTestId('key-message')).toHaveText('Key saved.');
      await dialog.getByRole('button', { name: 'Test key' }).click();
      await expect(dialog.getByTestId('key-message')).toHaveText(/rejected the key/);

      await dialog.getByLabel('API key', { exact: true }).fill('sk-right');
      await dialog.getByRole('button', { name: 'Save key' }).click();
      await expect(dialog.getByTestId('key-message')).toHaveText('Key saved.');
      await dialog.getByRole('button', { name: 'Test key' }).click();
      await expect(dialog.getByTestId('key-message')).toHaveText(
        /Key accepted by http:\/\/127\.0\.0\.1:\d+\/v1\/models/,
      );
      await closeProfilesDialog(page);

      // A new key refreshes the model list.
      await expect(page.getByTestId('model-list-status')).toHaveText(/\d+ models listed/);
      const log = requestLog(locked);
      await runToCompletion(page);
      await expect(page.getByTestId('run-error')).toHaveCount(0);
      await expect(page.getByTestId('choice-0-text')).not.toBeEmpty();
      expect(log.lastPost().headers['x-bf-vk']).toBe('sk-right');
    } finally {
      await host.stop();
      await locked.close();
    }
  });
});
