import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';
import type { ProfileInput } from '../../../shared/contracts/profiles';
import { expect, test as webTest } from '../../fixtures/web';
import { startWebHost } from '../../fixtures/webHost';
import { searchPlace, secretForms, type PlaceResult } from '../../pages/leakSearch';
import { domText, heapSnapshotText, plantStorageMarkers, storageDump } from '../../pages/pageDumps';
import {
  closeProfilesDialog,
  fillPrompt,
  openProfilesDialog,
  profileSelect,
  requestLog,
  runButton,
  runToCompletion,
  setModel,
  setNumber,
  stopButton,
} from '../../pages/playground';

/**
 * Issue 7: a key set in the UI must not end up anywhere but in the request to the provider. The test
 * sets a distinctive key, uses it (a streamed run with logprobs, a provider error that echoes the
 * request's headers back, a stopped run, exports, history, a crash of the host mid-run) and then
 * searches every place for it in all its forms (see leakSearch.ts). Each place is also searched for a
 * marker known to be there, so a search that finds nothing is shown to work.
 */

const nonce = randomBytes(6).toString('hex');
/** '+', '/' and '=' make the URL-encoded and base64 forms differ from the key itself. */
const KEY = `sk-leakcheck-${randomBytes(8).toString('hex')}+${nonce}/Zq=`;
const FORMS = secretForms(KEY);
/** In the prompt, so in the form, the history, the exports and the frames about runs. */
const PROMPT_MARK = `leakcheck-prompt-${nonce}`;
/** Planted in each storage and logged to the console by the test. */
const PLANTED = `leakcheck-planted-${nonce}`;
/** Planted in the page's heap only at the end of a long string (see DEEP_IN_HEAP). */
const HEAP_MARK = `leakcheck-heap-${nonce}`;
/** What the heap search must find: the marker after 4,096 other characters of the same string. */
const DEEP_IN_HEAP = `${'x'.repeat(16)}${HEAP_MARK}`;

/**
 * V8 cuts every string in a heap snapshot to its first 1,024 characters unless told otherwise: a key
 * inside a longer string (a message, a JSON body) would not be seen.
 */
const test = webTest.extend<object, object>({
  launchOptions: [
    async ({ launchOptions }, use) => {
      const flag = '--js-flags=--heap-snapshot-string-limit=1000000000';
      await use({ ...launchOptions, args: [...(launchOptions.args ?? []), flag] });
    },
    { scope: 'worker' },
  ],
});

const MODEL = 'openai/gpt-3.5-turbo-instruct';
const BIFROST = 'Fake Bifrost';
/** OpenAI-compatible: the key travels as `Authorization: Bearer`. Slow, so a run can be stopped. */
const COMPATIBLE = 'Compatible (slow)';

const leakProfiles = (gatewayUrl: string): ProfileInput[] => [
  { id: 'fake', name: BIFROST, kind: 'bifrost', baseUrl: gatewayUrl, default: true },
  {
    id: 'compat',
    name: COMPATIBLE,
    kind: 'openai-compatible',
    baseUrl: gatewayUrl,
    endpoint: '/v1/completions',
    headers: { 'x-fake-tokens-per-second': '15' },
  },
];

test.use({
  profiles: async ({ gateway }, use) => {
    await use(leakProfiles(gateway.url));
  },
});

/** Sets the key through the profile editor. It is typed as keyboard input, so no test code holds it in the page. */
async function setKeyInUi(page: Page, profileName: string): Promise<void> {
  const dialog = await openProfilesDialog(page);
  await dialog.getByRole('listbox', { name: 'Profiles' }).getByRole('option', { name: profileName }).click();
  const keyField = dialog.getByLabel('API key', { exact: true });
  await expect(keyField).toHaveAttribute('type', 'password');
  await keyField.click();
  await page.keyboard.insertText(KEY);
  await dialog.getByRole('button', { name: 'Save key' }).click();
  await expect(dialog.getByTestId('key-message')).toHaveText('Key saved.');
  await expect(keyField).toHaveValue('');
  await dialog.getByRole('button', { name: 'Test key' }).click();
  await expect(dialog.getByTestId('key-message')).toHaveText(/Key accepted/);
  await closeProfilesDialog(page);
}

/**
 * Runs `fail/echo-headers`; returns the error as shown (raw response opened) and the whole page then,
 * the response headers (where the echoed `x-bifrost-echo-*` ones are listed) opened too.
 */
async function runEchoFailure(page: Page): Promise<{ alert: string; page: string }> {
  await setModel(page, 'fail/echo-headers');
  await runButton(page).click();
  const alert = page.getByRole('alert').filter({ hasText: /bad request/i });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Show raw response' }).click();
  await expect(alert.getByTestId('raw-response')).toContainText('Unsupported request headers');
  await page.getByRole('button', { name: /^Response headers/ }).click();
  await expect(page.getByText('x-bifrost-echo-', { exact: false }).first()).toBeVisible();
  return { alert: (await alert.textContent()) ?? '', page: await domText(page) };
}

async function clipboardText(page: Page): Promise<string> {
  const text: unknown = await page.evaluate('navigator.clipboard.readText()');
  return typeof text === 'string' ? text : '';
}

/** Every file under `dir`: its path (relative) and bytes. */
async function filesUnder(dir: string): Promise<Array<{ path: string; bytes: Buffer }>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  return Promise.all(
    files.map(async (entry) => {
      const full = join(entry.parentPath, entry.name);
      return { path: relative(dir, full), bytes: await readFile(full) };
    }),
  );
}

function report(results: readonly PlaceResult[]): void {
  const lines = results.map(
    (result) =>
      `${result.place.padEnd(44)} ${String(result.size).padStart(10)}  marker ${result.markerFound ? 'found' : 'MISSING'}  key ${result.found.length === 0 ? 'absent' : `FOUND (${result.found.join(', ')})`}`,
  );
  console.log(`[key-leak] searched for ${FORMS.length} forms of the key:\n${lines.join('\n')}`);
}

test('a key set in the UI is in no page memory, DOM, storage, frame, console, log, file, export or error', async ({
  app,
  gateway,
  context,
}) => {
  test.setTimeout(120_000);
  const { page, host } = app;
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const framesReceived: string[] = [];
  const framesSent: string[] = [];
  const consoleLines: string[] = [];
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => framesReceived.push(payload.toString()));
    socket.on('framesent', ({ payload }) => framesSent.push(payload.toString()));
  });
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.stack ?? error.message}`));
  await app.open();
  const log = requestLog(gateway);

  // The key, set on both profiles through the UI.
  await setKeyInUi(page, BIFROST);
  await setKeyInUi(page, COMPATIBLE);

  // A streamed run with logprobs: the key is really sent.
  await expect(profileSelect(page).locator('option:checked')).toHaveText(BIFROST);
  await setModel(page, MODEL);
  await fillPrompt(page, `Tell me a story about ${PROMPT_MARK}`);
  await setNumber(page, 'Logprobs (logprobs)', '3');
  await setNumber(page, 'Max tokens (max_tokens)', '40');
  await runToCompletion(page);
  expect(log.lastPost().headers['x-bf-vk']).toBe(KEY);
  expect(log.lastBody()).toMatchObject({ stream: true, logprobs: 3 });
  await page.getByRole('button', { name: 'Request sent' }).click();
  await expect(page.locator('.request-details')).toContainText('<key>');

  // A provider error that echoes the request headers (x-bf-vk here) in its body and its headers.
  const bifrostError = await runEchoFailure(page);
  expect(log.lastPost().headers['x-bf-vk']).toBe(KEY);
  expect.soft(bifrostError.alert).toContain('x-bf-vk');
  expect.soft(bifrostError.alert).toContain('<redacted>');

  // The same with Authorization: Bearer, then a run stopped mid-stream (saved as interrupted).
  await profileSelect(page).selectOption({ label: COMPATIBLE });
  const bearerError = await runEchoFailure(page);
  expect(log.lastPost().headers['authorization']).toBe(`Bearer ${KEY}`);
  expect.soft(bearerError.alert).toContain('Bearer <redacted>');
  await setModel(page, MODEL);
  await setNumber(page, 'Max tokens (max_tokens)', '400');
  await runButton(page).click();
  await expect(page.getByTestId('choice-0-text')).not.toBeEmpty();
  await stopButton(page).click();
  await expect(page.getByTestId('run-status')).toHaveText(/aborted|stopped|interrupted/i);

  // A preset (presets.json), the exports without the real key, and with it confirmed (browser mode
  // copies nothing then).
  const presets = page.getByRole('region', { name: 'Presets' });
  await presets.getByRole('button', { name: 'Save preset…' }).click();
  const saveDialog = page.getByRole('dialog', { name: 'Save preset' });
  await saveDialog.getByRole('textbox', { name: 'Preset name' }).fill(`leakcheck ${nonce}`);
  await saveDialog.getByRole('button', { name: 'Save preset', exact: true }).click();
  await expect(saveDialog).toBeHidden();
  const exports: string[] = [];
  await page.getByRole('button', { name: 'Copy as curl', exact: true }).click();
  await expect(page.getByTestId('copy-as-curl-status')).toHaveText(/^Copied/);
  exports.push(await clipboardText(page));
  await page.getByRole('button', { name: 'More exports…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export the request' });
  for (const tab of await exportDialog.getByRole('tab').all()) {
    await tab.click();
    exports.push((await exportDialog.getByTestId('export-preview').textContent()) ?? '');
  }
  await exportDialog.getByRole('checkbox', { name: 'Include my real API key' }).check({ force: true });
  await exportDialog.getByRole('button', { name: 'Include my key' }).click();
  await exportDialog.getByRole('button', { name: 'Copy with my key' }).click();
  await expect(
    exportDialog.getByRole('status').filter({ hasText: 'Browser mode cannot copy your real key' }),
  ).toBeVisible();
  exports.push((await exportDialog.textContent()) ?? '', await clipboardText(page));
  await exportDialog.getByRole('button', { name: 'Close', exact: true }).click();

  // The history: every run is there; a row's Copy as curl and the JSON export.
  await page.getByRole('button', { name: 'History', exact: true }).click();
  const history = page.getByRole('dialog', { name: 'History' });
  await expect(history.getByTestId('history-row')).toHaveCount(4);
  for (const row of await history.getByTestId('history-row').all()) {
    await row.getByRole('button', { name: 'Copy as curl' }).click();
    await expect(row.getByTestId('copy-as-curl-status')).toContainText('Copied');
    exports.push(await clipboardText(page));
  }
  const downloading = page.waitForEvent('download');
  await history.getByRole('button', { name: 'Export…' }).click();
  const download = await downloading;
  const downloadPath = await download.path();
  exports.push(await readFile(downloadPath, 'utf8'));
  await history.getByRole('button', { name: 'Close', exact: true }).click();

  // Markers the searches must find, then every place.
  await plantStorageMarkers(page, PLANTED);
  // Built in the page (reversed in the source), so its only copy is at the end of a 4,096+ character string.
  const reversed = [...`${'x'.repeat(4096)}${HEAP_MARK}`].reverse().join('');
  await page.evaluate(`globalThis.__leakcheckDeep = [...${JSON.stringify(reversed)}].reverse().join('')`);
  await page.evaluate(`console.info(${JSON.stringify(PLANTED)})`);
  await expect.poll(() => consoleLines.some((line) => line.includes(PLANTED))).toBe(true);
  const cdp = await context.newCDPSession(page);
  const heap = await heapSnapshotText(cdp);
  const dom = await domText(page);
  const storage = await storageDump(page);
  const cookies = JSON.stringify(await context.cookies());
  const files = await filesUnder(host.userDataDir);
  const shownErrors = [bifrostError.alert, bearerError.alert].join('\n');
  const pagesWithErrors = [bifrostError.page, bearerError.page].join('\n');

  const results: PlaceResult[] = [
    searchPlace('renderer V8 heap snapshot', heap, FORMS, DEEP_IN_HEAP),
    searchPlace('DOM (HTML and field values)', dom, FORMS, PROMPT_MARK),
    searchPlace('localStorage + sessionStorage', storage.webStorage, FORMS, PLANTED),
    searchPlace('cookies (document.cookie)', storage.cookies, FORMS, PLANTED),
    searchPlace('cookies (browser context)', cookies, FORMS, PLANTED),
    searchPlace('IndexedDB', storage.indexedDb, FORMS, PLANTED),
    searchPlace('Cache storage', storage.cacheStorage, FORMS, PLANTED),
    searchPlace('WebSocket frames received', framesReceived.join('\n'), FORMS, PROMPT_MARK),
    searchPlace('page console', consoleLines.join('\n'), FORMS, PLANTED),
    searchPlace('host stdout', host.stdout(), FORMS, 'Playground running at'),
    searchPlace('host stderr', host.output(), FORMS, '[web-host] user data:'),
    searchPlace('user-data file names', files.map((file) => file.path).join('\n'), FORMS, 'settings.json'),
    searchPlace('user-data files', Buffer.concat(files.map((file) => file.bytes)), FORMS, PROMPT_MARK),
    searchPlace('exports (curl, snippets, history)', exports.join('\n'), FORMS, PROMPT_MARK),
    searchPlace('errors shown (raw response open)', shownErrors, FORMS, 'Unsupported request headers'),
    searchPlace(
      'DOM at the errors (response headers open)',
      pagesWithErrors,
      FORMS,
      'x-bifrost-echo-x-bf-vk',
    ),
  ];
  console.log(`[key-leak] files written by the host: ${files.map((file) => file.path).join(', ')}`);
  // Browser mode keeps keys for the session only: no keys file, or one without the key.
  const keysFile = files.find((file) => /(^|\/)keys\.json$/.test(file.path));
  if (keysFile) results.push(searchPlace('keys.json', keysFile.bytes, FORMS, '{'));

  // Sent to the host: the key only in the two keys.set calls.
  const sentWithKey = framesSent.filter((frame) => frame.includes(KEY));
  expect(sentWithKey.map((frame) => (JSON.parse(frame) as { name?: unknown }).name)).toEqual([
    'keys.set',
    'keys.set',
  ]);

  // A crash of the host while a keyed run streams: the run is kept as interrupted.
  await setNumber(page, 'Max tokens (max_tokens)', '400');
  await fillPrompt(page, `Crash while telling ${PROMPT_MARK}`);
  await runButton(page).click();
  await expect(page.getByTestId('choice-0-text')).not.toBeEmpty();
  // Long enough for the history's periodic save (1 s) to have written the running run.
  await page.waitForTimeout(1_500);
  await host.crash();
  const afterCrashDom = await domText(page);
  const restarted = await startWebHost({
    profiles: leakProfiles(gateway.url),
    userDataDir: host.userDataDir,
  });
  try {
    await page.goto(restarted.url);
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
    await page.getByRole('button', { name: 'History', exact: true }).click();
    const rows = page.getByRole('dialog', { name: 'History' }).getByTestId('history-row');
    await expect(rows).toHaveCount(5);
    await expect(rows.first().getByTestId('history-row-status')).toHaveText('interrupted');
    await expect(rows.first().getByTestId('history-row-prompt')).toContainText('Crash while telling');
    const filesAfterCrash = await filesUnder(host.userDataDir);
    results.push(
      searchPlace('DOM after the crash', afterCrashDom, FORMS, 'Crash while telling'),
      searchPlace(
        'user-data files after the crash',
        Buffer.concat(filesAfterCrash.map((file) => file.bytes)),
        FORMS,
        'Crash while telling',
      ),
      searchPlace('crashed host stdout + stderr', host.stdout() + host.output(), FORMS, 'signal SIGKILL'),
      searchPlace(
        'restarted host stdout + stderr',
        restarted.stdout() + restarted.output(),
        FORMS,
        'Playground running at',
      ),
      searchPlace('DOM after restart (history open)', await domText(page), FORMS, 'interrupted'),
    );
  } finally {
    await restarted.stop();
  }

  report(results);
  expect(
    results.filter((result) => !result.markerFound).map((result) => result.place),
    'places whose search did not find the marker known to be there',
  ).toEqual([]);
  expect(
    results
      .filter((result) => result.found.length > 0)
      .map((result) => `${result.place}: ${result.found.join(', ')}`),
    'places where the key was found',
  ).toEqual([]);
});
