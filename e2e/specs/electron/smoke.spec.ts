import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { startFakeGateway } from '../../fake-gateway/server';
import { findElectronBinary } from '../../fixtures/electronBinary';
import { builtElectronMain } from '../../fixtures/paths';
import { fillPrompt, runButton, setModel, stopButton } from '../../pages/playground';

const binary = findElectronBinary();
if ('missing' in binary) {
  console.log(`[electron project] skipping the Electron smoke test: ${binary.missing}.`);
}

test('Electron: the app opens, streams a completion and stops', async () => {
  test.skip('missing' in binary, 'missing' in binary ? binary.missing : '');
  if (!('path' in binary)) return;
  const gateway = await startFakeGateway({ port: 0, tokensPerSecond: 40 });
  const userData = await mkdtemp(join(tmpdir(), 'playground-electron-'));
  const config = join(userData, 'config.json');
  await writeFile(
    config,
    JSON.stringify({
      profiles: [{ id: 'fake', name: 'Fake Bifrost', kind: 'bifrost', baseUrl: gateway.url, default: true }],
    }),
  );
  const app = await electron.launch({
    executablePath: binary.path,
    args: [builtElectronMain],
    env: { ...process.env, APP_USER_DATA: userData, PLAYGROUND_CONFIG: config },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.locator('[data-app-state="ready"]')).toBeVisible();
    // The renderer has no Node and no Electron.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
    await setModel(window, 'openai/gpt-3.5-turbo-instruct');
    await fillPrompt(window, 'Once upon a time');
    await window.getByRole('textbox', { name: 'Max tokens (max_tokens)' }).fill('400');
    await runButton(window).click();
    await expect(window.getByTestId('choice-0-text')).not.toBeEmpty();
    await stopButton(window).click();
    await expect(window.getByTestId('run-status')).toHaveText(/aborted/i);
    await expect(window.getByTestId('choice-0-text')).not.toBeEmpty();
  } finally {
    await app.close();
    await gateway.close();
    await rm(userData, { recursive: true, force: true });
  }
});
