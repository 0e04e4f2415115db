// Run with: npm run test:scripts
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  displayProblem,
  downloadElectron,
  findElectronBinary,
  lastMeaningfulLine,
  launchElectron,
} from './electron-launch.mjs';

const dir = mkdtempSync(join(tmpdir(), 'electron-launch-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('Linux needs a display', () => {
  assert.match(displayProblem('linux', {}), /no display/);
  assert.equal(displayProblem('linux', { DISPLAY: ':0' }), null);
  assert.equal(displayProblem('linux', { WAYLAND_DISPLAY: 'wayland-0' }), null);
  assert.equal(displayProblem('darwin', {}), null);
});

test('finds the binary on disk only', () => {
  const pkg = join(dir, 'electron');
  mkdirSync(pkg, { recursive: true });
  assert.deepEqual(findElectronBinary(pkg, {}), { missing: 'the Electron binary is not downloaded yet' });
  writeFileSync(join(pkg, 'path.txt'), 'electron');
  assert.match(findElectronBinary(pkg, {}).missing, /no Electron binary at/);
  mkdirSync(join(pkg, 'dist'));
  writeFileSync(join(pkg, 'dist', 'electron'), '');
  assert.deepEqual(findElectronBinary(pkg, {}), { path: join(pkg, 'dist', 'electron') });
});

test('a failed download becomes a one-line reason', () => {
  const pkg = join(dir, 'offline');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(
    join(pkg, 'install.js'),
    "console.log('Downloading');\nconsole.error('RequestError: getaddrinfo ENOTFOUND github.com\\n    at foo (x.js:1:1)');\nprocess.exit(1);\n",
  );
  assert.deepEqual(downloadElectron(pkg), {
    ok: false,
    reason: 'download failed: RequestError: getaddrinfo ENOTFOUND github.com, no network?',
  });
});

test('lastMeaningfulLine skips stack frames', () => {
  assert.equal(lastMeaningfulLine('Error: boom\n    at x (y:1:1)\n'), 'Error: boom');
  assert.equal(lastMeaningfulLine(''), '');
});

test(
  'an early failing exit is "not started", with the reason',
  { skip: process.platform === 'win32' },
  async () => {
    const script = join(dir, 'fake-electron.sh');
    writeFileSync(script, '#!/bin/sh\necho "Missing X server or $DISPLAY" >&2\nexit 1\n');
    chmodSync(script, 0o755);
    const originalWrite = process.stderr.write;
    process.stderr.write = () => true;
    try {
      const result = await launchElectron(script, []);
      assert.equal(result.started, false);
      assert.match(result.reason, /exited at once with code 1: Missing X server/);
    } finally {
      process.stderr.write = originalWrite;
    }
  },
);

test(
  'a clean exit is passed through, a missing binary is "not started"',
  { skip: process.platform === 'win32' },
  async () => {
    const script = join(dir, 'ok.sh');
    writeFileSync(script, '#!/bin/sh\nexit 0\n');
    chmodSync(script, 0o755);
    assert.deepEqual(await launchElectron(script, []), { started: true, code: 0 });
    const missing = await launchElectron(join(dir, 'nope'), []);
    assert.equal(missing.started, false);
    assert.match(missing.reason, /could not be spawned/);
  },
);
