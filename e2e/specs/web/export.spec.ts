import { spawn } from 'node:child_process';
import { expect, type Page } from '@playwright/test';
import { buildCompletionRequest, KEY_PLACEHOLDER } from '../../../shared/completions/buildRequest';
import type { CompletionParams } from '../../../shared/contracts/params';
import { profileSchema, type ProfileInput } from '../../../shared/contracts/profiles';
import { curlExport, type CurlShell } from '../../../shared/export/curl';
import { REAL_KEY_WARNING } from '../../../shared/export/exportRequest';
import { closedPortUrl, defaultProfiles, test as webTest } from '../../fixtures/web';
import { startWebHost } from '../../fixtures/webHost';
import { fillPrompt, requestLog, runToCompletion, setModel, setNumber } from '../../pages/playground';

/** The key the host reads from its environment (BIFROST_API_KEY), so requests carry x-bf-vk. */
const KEY = 'sk-e2e-export-key-4242';
/** Every character a shell treats specially, line breaks, a tab and non-ASCII text. */
const TRICKY_PROMPT = `It's "quoted" $HOME \`id\` !bang 100% ^caret & | < > ;\n\tcafé naïve 🙂`;
const PARAMS: CompletionParams = {
  model: 'openai/gpt-3.5-turbo-instruct',
  prompt: TRICKY_PROMPT,
  max_tokens: 6,
  seed: 7,
  stream: true,
  stream_options: { include_usage: true },
};

const test = webTest.extend<{ keyedApp: { page: Page; profiles: ProfileInput[] } }>({
  keyedApp: async ({ page, gateway, context }, use) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const profiles = defaultProfiles(gateway.url, await closedPortUrl());
    const host = await startWebHost({ profiles, env: { BIFROST_API_KEY: KEY } });
    await page.goto(host.url);
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
    await use({ page, profiles });
    await host.stop();
  },
});

async function fillForm(page: Page): Promise<void> {
  await setModel(page, PARAMS.model);
  await setNumber(page, 'Max tokens (max_tokens)', '6');
  await setNumber(page, 'Seed (seed)', '7');
  await fillPrompt(page, TRICKY_PROMPT);
}

const NOTHING_COPIED = '(nothing copied yet)';

/** The page's clipboard API (the specs are compiled without the DOM library). */
interface PageGlobals {
  navigator: { clipboard: { readText(): Promise<string>; writeText(text: string): Promise<void> } };
}
const clipboard = (page: Page): Promise<string> =>
  page.evaluate(() => (globalThis as unknown as PageGlobals).navigator.clipboard.readText());
const clearClipboard = (page: Page): Promise<void> =>
  page.evaluate(
    (text) => (globalThis as unknown as PageGlobals).navigator.clipboard.writeText(text),
    NOTHING_COPIED,
  );

/** The command the app must produce: the shared exporter applied to the request main builds. */
function expectedCurl(profiles: ProfileInput[], shell: CurlShell): string {
  const profile = profileSchema.parse(profiles[0]);
  const request = buildCompletionRequest(profile, PARAMS, KEY_PLACEHOLDER);
  return curlExport(request, { profileKind: 'bifrost', shell }).command;
}

/** What `copy` puts in the clipboard (waits for it to change: copies are asynchronous). */
async function copiedBy(page: Page, copy: () => Promise<void>): Promise<string> {
  await clearClipboard(page);
  await copy();
  await expect.poll(() => clipboard(page)).not.toBe(NOTHING_COPIED);
  return clipboard(page);
}

async function copyAsCurl(page: Page, shell: string): Promise<string> {
  await page.getByLabel('Shell for Copy as curl').selectOption({ label: shell });
  const text = await copiedBy(page, () =>
    page.getByRole('button', { name: 'Copy as curl', exact: true }).click(),
  );
  await expect(page.getByTestId('copy-as-curl-status')).toHaveText(/^Copied/);
  return text;
}

/** Runs `command` with /bin/sh (the key in the environment, as the export expects). */
function runInShell(command: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', command], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', BIFROST_API_KEY: KEY },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 15_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test.describe('Copy as curl', () => {
  test('copies the exact command for each shell, the key as a variable', async ({ keyedApp }) => {
    const { page, profiles } = keyedApp;
    await fillForm(page);
    await expect(page.getByLabel('Shell for Copy as curl')).toHaveValue('posix');

    const posix = await copyAsCurl(page, 'bash / zsh (POSIX)');
    expect(posix).toBe(expectedCurl(profiles, 'posix'));
    expect(posix).toContain('"x-bf-vk: $BIFROST_API_KEY"');
    expect(posix).toMatch(/^curl -sS -N -X POST /);

    const cmd = await copyAsCurl(page, 'Windows cmd');
    expect(cmd).toBe(expectedCurl(profiles, 'cmd'));
    expect(cmd).toContain('%BIFROST_API_KEY%');
    // Line breaks and non-ASCII cannot be typed at a cmd prompt: the body goes in a file.
    await expect(page.getByTestId('copy-as-curl-status')).toContainText('body.json');

    const powershell = await copyAsCurl(page, 'PowerShell');
    expect(powershell).toBe(expectedCurl(profiles, 'powershell'));
    expect(powershell).toContain('curl.exe -sS -N -X POST ');
    expect(powershell).toContain('$env:BIFROST_API_KEY');

    for (const text of [posix, cmd, powershell]) expect(text).not.toContain(KEY);

    // The choice of shell is remembered.
    await page.reload();
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
    await expect(page.getByLabel('Shell for Copy as curl')).toHaveValue('powershell');
  });

  test('the POSIX command, run by the real curl, sends what the app sends', async ({ keyedApp, gateway }) => {
    const { page } = keyedApp;
    await fillForm(page);
    const log = requestLog(gateway);
    await runToCompletion(page);
    const sentByApp = log.lastPost();

    const command = await copyAsCurl(page, 'bash / zsh (POSIX)');
    const result = await runInShell(command);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('data: [DONE]');
    expect(log.posts()).toHaveLength(2);
    const sentByCurl = log.lastPost();

    expect(sentByCurl.method).toBe(sentByApp.method);
    expect(sentByCurl.path).toBe(sentByApp.path);
    expect(Buffer.from(sentByCurl.body).equals(Buffer.from(sentByApp.body))).toBe(true);
    expect(JSON.parse(sentByCurl.body)).toEqual(PARAMS);
    for (const name of ['content-type', 'accept', 'x-bf-vk']) {
      expect(sentByCurl.headers[name], name).toBe(sentByApp.headers[name]);
    }
    expect(sentByCurl.headers['x-bf-vk']).toBe(KEY);
  });

  test('the form’s problems stop the copy, with the reason', async ({ keyedApp }) => {
    const { page } = keyedApp;
    await setModel(page, PARAMS.model);
    await fillPrompt(page, 'x');
    await setNumber(page, 'Temperature (temperature)', '7');
    await page.getByRole('button', { name: 'Copy as curl', exact: true }).click();
    await expect(page.getByTestId('copy-as-curl-status')).toHaveText(/^Not copied: fix the form first$/);
  });
});

test.describe('More exports', () => {
  test('every format is there, with a preview and Copy; the JSON body is the body sent', async ({
    keyedApp,
    gateway,
  }) => {
    const { page } = keyedApp;
    await fillForm(page);
    const log = requestLog(gateway);
    await runToCompletion(page);

    await page.getByRole('button', { name: 'More exports…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the request' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('tab')).toHaveText([
      'curl (bash, zsh)',
      'curl (Windows cmd)',
      'curl (PowerShell)',
      'JSON body',
      'JavaScript (fetch)',
      'Python (openai SDK)',
      'Python (requests)',
    ]);
    await expect(dialog.getByRole('tab', { name: 'curl (bash, zsh)' })).toHaveAttribute(
      'aria-selected',
      'true',
    );

    await dialog.getByRole('tab', { name: 'JSON body' }).click();
    const preview = dialog.getByTestId('export-preview');
    expect(await preview.textContent()).toBe(log.lastPost().body);
    const copiedBody = await copiedBy(page, () =>
      dialog.getByRole('button', { name: 'Copy', exact: true }).click(),
    );
    await expect(dialog.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    expect(copiedBody).toBe(log.lastPost().body);

    await dialog.getByRole('tab', { name: 'curl (Windows cmd)' }).click();
    await expect(dialog.getByRole('list', { name: 'Notes on this export' })).toContainText('body.json');
    await expect(dialog.getByRole('region', { name: 'Content of body.json' })).toBeVisible();
    const bodyFile = await copiedBy(page, () =>
      dialog.getByRole('button', { name: 'Copy body.json' }).click(),
    );
    expect(bodyFile).toBe(log.lastPost().body);

    await dialog.getByRole('tab', { name: 'Python (openai SDK)' }).click();
    await expect(preview).toContainText('base_url');
    await expect(dialog.getByRole('list', { name: 'Notes on this export' })).toContainText(
      'not byte-identical',
    );
  });

  test('the real key needs the warning confirmed, and browser mode never hands it to the page', async ({
    keyedApp,
  }) => {
    const { page } = keyedApp;
    await fillForm(page);
    await page.getByRole('button', { name: 'More exports…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the request' });
    const copyButton = dialog.getByRole('button', { name: /^Copy( with my key)?$/ });

    await dialog.getByRole('checkbox', { name: 'Include my real API key' }).check({ force: true });
    await expect(dialog.getByRole('alert')).toContainText(REAL_KEY_WARNING);
    // Not confirmed yet: the copy still reads the variable.
    const unconfirmed = await copiedBy(page, () => copyButton.click());
    expect(unconfirmed).toContain('$BIFROST_API_KEY');
    expect(unconfirmed).not.toContain(KEY);

    await dialog.getByRole('button', { name: 'Include my key' }).click();
    await expect(copyButton).toHaveText('Copy with my key');
    await copyButton.click();
    // Main writes the clipboard itself in the desktop app; the browser-mode host has no clipboard, and
    // the key never travels to the page: nothing is copied, and the reason is given.
    await expect(
      dialog.getByRole('status').filter({ hasText: 'Browser mode cannot copy your real key' }),
    ).toBeVisible();
    expect(await clipboard(page)).toBe(unconfirmed);
    await expect(dialog).not.toContainText(KEY);

    // Unticking goes back to the variable.
    await dialog.getByRole('checkbox', { name: 'Include my real API key' }).uncheck({ force: true });
    const unticked = await copiedBy(page, () => copyButton.click());
    expect(unticked).toContain('$BIFROST_API_KEY');
    expect(unticked).not.toContain(KEY);
  });
});

test.describe('keyboard shortcuts', () => {
  test('? lists them; Ctrl+Shift+C copies; Alt+P focuses the prompt; Ctrl+H asks for the history', async ({
    keyedApp,
  }) => {
    const { page } = keyedApp;
    await fillForm(page);
    await page.getByRole('button', { name: 'Run', exact: true }).focus();
    await page.keyboard.press('Shift+?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help.getByRole('row')).toHaveText([
      /^Run\s*Ctrl\+Enter$/,
      /^Stop the run\s*Esc$/,
      /^Focus the prompt\s*Alt\+P$/,
      /^Copy as curl.*Ctrl\+Shift\+C$/,
      /^Open the history\s*Ctrl\+H$/,
      /^Show these shortcuts\s*\?$/,
    ]);
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    // In a text field, ? is typed.
    await page.getByLabel('Prompt (prompt)').press('End');
    await page.keyboard.type('?');
    await expect(help).toBeHidden();
    await expect(page.getByLabel('Prompt (prompt)')).toHaveValue(`${TRICKY_PROMPT}?`);

    await page.getByRole('button', { name: 'Run', exact: true }).focus();
    await page.keyboard.press('Alt+p');
    await expect(page.getByLabel('Prompt (prompt)')).toBeFocused();

    const byShortcut = await copiedBy(page, () => page.keyboard.press('Control+Shift+C'));
    await expect(page.getByTestId('copy-as-curl-status')).toHaveText(/^Copied/);
    expect(byShortcut).toMatch(/^curl -sS -N -X POST /);

    // The listener is in place before the key is pressed (then the event is counted).
    await page.evaluate(() => {
      const target = globalThis as unknown as EventTarget & { __historyAsked?: number };
      target.__historyAsked = 0;
      target.addEventListener(
        'playground:open-history',
        () => (target.__historyAsked = (target.__historyAsked ?? 0) + 1),
      );
    });
    await page.keyboard.press('Control+h');
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as { __historyAsked?: number }).__historyAsked))
      .toBe(1);
  });
});
