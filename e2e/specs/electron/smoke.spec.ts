import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { startFakeGateway } from '../../fake-gateway/server';
import { findElectronBinary } from '../../fixtures/electronBinary';
import { builtElectronMain } from '../../fixtures/paths';

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
    await window.getByLabel('Model (model)').fill('openai/gpt-3.5-turbo-instruct');
    await window.getByLabel('Prompt (prompt)').fill('Once upon a time');
    await window.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(window.getByTestId('choice-0')).not.toBeEmpty();
    await window.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(window.getByText(/aborted|stopped/i).first()).toBeVisible();
  } finally {
    await app.close();
    await gateway.close();
    await rm(userData, { recursive: true, force: true });
  }
});
