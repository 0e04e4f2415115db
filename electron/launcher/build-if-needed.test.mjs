// Run with: npm run test:scripts
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildReason, newestSourceMtime, WEB_OUTPUTS } from './build-if-needed.mjs';

const root = mkdtempSync(join(tmpdir(), 'build-if-needed-'));
after(() => rmSync(root, { recursive: true, force: true }));

const touch = (path, seconds) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), 'x');
  utimesSync(join(root, path), seconds, seconds);
};

test('a missing output needs a build', () => {
  touch('renderer/src/a.ts', 1000);
  assert.equal(buildReason(root, WEB_OUTPUTS), 'out/main/web.js is missing');
});

test('outputs newer than every source need no build; a newer source does', () => {
  touch('out/main/web.js', 2000);
  touch('out/renderer/index.html', 2000);
  assert.equal(buildReason(root, WEB_OUTPUTS), null);
  touch('shared/contracts/x.ts', 3000);
  assert.equal(buildReason(root, WEB_OUTPUTS), 'sources changed since the last build');
});

test('test files, node_modules and dot-folders do not count as sources', () => {
  touch('electron/x.test.ts', 9000);
  touch('electron/node_modules/y.js', 9000);
  touch('electron/.cache/z.js', 9000);
  assert.equal(newestSourceMtime(root) < 9000 * 1000, true);
});
