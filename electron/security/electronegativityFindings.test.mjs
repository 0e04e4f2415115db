// Run with: node --test electron/security/
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import {
  decide,
  formatTable,
  isBlocking,
  normaliseIssue,
  parseAllowlist,
  stagedName,
} from './electronegativityFindings.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const gate = join(here, 'electronegativity-gate.mjs');
const root = mkdtempSync(join(tmpdir(), 'electronegativity-gate-test-'));
after(() => rmSync(root, { recursive: true, force: true }));

const REASON = 'False positive: the options come from a helper that sets contextIsolation: true.';
const finding = (overrides = {}) => ({
  check: 'CONTEXT_ISOLATION_JS_CHECK',
  severity: 'HIGH',
  confidence: 'FIRM',
  file: 'electron/main/windows.ts',
  line: 40,
  column: 17,
  sample: 'const window = new BrowserWindow({',
  description: 'Review the use of the contextIsolation option',
  manualReview: false,
  ...overrides,
});
const cleanRun = (findings) => ({ findings, parseErrors: [], scannedFiles: 3, checksLoaded: 41 });
const allowWindows = parseAllowlist({
  entries: [
    {
      check: 'CONTEXT_ISOLATION_JS_CHECK',
      file: 'electron/main/windows.ts',
      sample: 'const window = new BrowserWindow({',
      reason: REASON,
    },
  ],
});

// The gate as a child process, exactly as CI runs it. Started at once so the runs overlap (each spends
// a few seconds on the tool's offline translation lookup).
function runGate(args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [gate, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}
function fixtureDir(name, files) {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
const INSECURE = `const { BrowserWindow } = require('electron');
const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });
win.loadURL('https://example.com');
`;
const SECURE = `import { app, BrowserWindow, session } from 'electron';
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});
session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
const win = new BrowserWindow({
  webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
});
win.loadURL('app://renderer/index.html');
`;
const insecureRun = runGate([fixtureDir('insecure', { 'main.js': INSECURE })]);
const insecureCjsRun = runGate([fixtureDir('insecure-cjs', { 'out/preload/index.cjs': INSECURE })]);
const secureRun = runGate([fixtureDir('secure', { 'main.ts': SECURE })]);

test('nodeIntegration: true and contextIsolation: false in a window make the gate fail', async () => {
  const { code, output } = await insecureRun;
  assert.equal(code, 1, output);
  assert.match(output, /HIGH CONTEXT_ISOLATION_JS_CHECK at .*insecure\/main\.js:2/);
  assert.match(output, /NODE_INTEGRATION_JS_CHECK at .*insecure\/main\.js:2/);
  assert.match(output, /FAILED/);
});

test('a .cjs file (the built preload) is scanned too, not silently skipped', async () => {
  const { code, output } = await insecureCjsRun;
  assert.equal(code, 1, output);
  assert.match(output, /CONTEXT_ISOLATION_JS_CHECK at .*insecure-cjs\/out\/preload\/index\.cjs:2/);
});

test('a locked-down window passes, offline included', async () => {
  const { code, output } = await secureRun;
  assert.equal(code, 0, output);
  assert.match(output, /electronegativity gate: passed/);
  assert.doesNotMatch(output, /BLOCKS/);
});

test('an input that does not exist, or holds nothing the tool can read, is an error, not a pass', async () => {
  const missing = await runGate([join(root, 'no-such-dir')]);
  assert.equal(missing.code, 2, missing.output);
  const empty = await runGate([
    fixtureDir('nothing', { 'notes.md': '# nothing', 'types.d.ts': 'export {};' }),
  ]);
  assert.equal(empty.code, 2, empty.output);
  assert.match(empty.output, /no file electronegativity can read/);
});

test('stagedName: module extensions are renamed so the tool reads them; declarations and other files are not', () => {
  assert.equal(stagedName('/r/out/preload/index.cjs'), '/r/out/preload/index.js');
  assert.equal(stagedName('/r/electron/launcher/start.mjs'), '/r/electron/launcher/start.js');
  assert.equal(stagedName('/r/a/b.mts'), '/r/a/b.ts');
  assert.equal(stagedName('/r/electron/main/windows.ts'), '/r/electron/main/windows.ts');
  assert.equal(stagedName('/r/renderer/index.html'), '/r/renderer/index.html');
  assert.equal(stagedName('/r/electron/launcher/electron-launch.d.mts'), null);
  assert.equal(stagedName('/r/a/readme.md'), null);
  assert.equal(stagedName('/r/node_modules/x/index.js'), null);
  assert.equal(stagedName('/r/out/main/index.js.map'), null);
});

test('normaliseIssue reads the tool’s objects and maps the staged file back', () => {
  const raw = {
    id: 'SANDBOX_JS_CHECK',
    severity: { name: 'MEDIUM', value: 2 },
    confidence: { name: 'FIRM', value: 1 },
    file: '/tmp/stage/w.ts',
    location: { line: 4, column: 2 },
    sample: '  new BrowserWindow({  ',
    description: 'Use sandbox',
    manualReview: false,
  };
  const normal = normaliseIssue(raw, (file) => (file === '/tmp/stage/w.ts' ? 'electron/main/w.ts' : '?'));
  assert.deepEqual(normal, {
    check: 'SANDBOX_JS_CHECK',
    severity: 'MEDIUM',
    confidence: 'FIRM',
    file: 'electron/main/w.ts',
    line: 4,
    column: 2,
    sample: 'new BrowserWindow({',
    description: 'Use sandbox',
    manualReview: false,
  });
  assert.equal(normaliseIssue({ id: 'CSP_GLOBAL_CHECK', file: 'N/A' }, () => 'x').file, 'N/A');
  assert.equal(normaliseIssue({ id: 'X' }, () => 'x').severity, 'UNKNOWN');
});

test('decide: an allowed HIGH passes; the same check on another line or file blocks', () => {
  assert.equal(decide(cleanRun([finding()]), allowWindows).ok, true);
  const otherLine = decide(cleanRun([finding({ sample: 'contextIsolation: false,' })]), allowWindows);
  assert.equal(otherLine.ok, false);
  assert.deepEqual(otherLine.problems, ['HIGH CONTEXT_ISOLATION_JS_CHECK at electron/main/windows.ts:40:17']);
  assert.equal(decide(cleanRun([finding({ file: 'electron/main/other.ts' })]), allowWindows).ok, false);
  assert.equal(decide(cleanRun([finding()]), []).ok, false);
});

test('decide: MEDIUM and lower pass, except the checks that always block; unknown severities block', () => {
  assert.equal(decide(cleanRun([finding({ check: 'SANDBOX_JS_CHECK', severity: 'MEDIUM' })]), []).ok, true);
  const nodeIntegration = finding({ check: 'NODE_INTEGRATION_JS_CHECK', severity: 'INFORMATIONAL' });
  assert.equal(isBlocking(nodeIntegration), true);
  assert.equal(decide(cleanRun([nodeIntegration]), allowWindows).ok, false);
  assert.equal(decide(cleanRun([finding({ check: 'NEW_CHECK', severity: 'CRITICAL' })]), []).ok, false);
});

test('decide: a run that scanned nothing, loaded no check or could not parse a file fails', () => {
  assert.equal(decide({ ...cleanRun([]), scannedFiles: 0 }, []).ok, false);
  assert.equal(decide({ ...cleanRun([]), checksLoaded: 0 }, []).ok, false);
  const unparsable = decide(
    {
      ...cleanRun([]),
      parseErrors: [{ file: 'electron/x.ts', message: 'Unexpected token', tolerable: false }],
    },
    [],
  );
  assert.deepEqual(unparsable.problems, ['could not parse electron/x.ts: Unexpected token']);
  const tolerable = [{ file: 'electron/x.ts', message: 'recovered', tolerable: true }];
  assert.equal(decide({ ...cleanRun([]), parseErrors: tolerable }, []).ok, true);
});

test('decide reports allowlist entries nothing matched any more', () => {
  assert.deepEqual(decide(cleanRun([]), allowWindows).unusedAllowlist, allowWindows);
  assert.deepEqual(decide(cleanRun([finding()]), allowWindows).unusedAllowlist, []);
});

test('parseAllowlist rejects entries without a real reason or key', () => {
  assert.throws(() => parseAllowlist({}), /entries/);
  const entry = { check: 'C', file: 'f', sample: 's', reason: REASON };
  assert.throws(() => parseAllowlist({ entries: [{ ...entry, reason: 'fp' }] }), /reason/);
  assert.throws(() => parseAllowlist({ entries: [{ ...entry, file: '' }] }), /"file"/);
});

test('the shipped allowlist is valid and every entry names a file that exists', () => {
  const entries = parseAllowlist(
    JSON.parse(readFileSync(join(here, 'electronegativity-allow.json'), 'utf8')),
  );
  for (const entry of entries) {
    const source = readFileSync(join(here, '..', '..', entry.file), 'utf8');
    assert.ok(source.includes(entry.sample), `${entry.file} no longer contains "${entry.sample}"`);
  }
});

test('formatTable lists the most severe first and marks what blocks', () => {
  const blocking = finding({ file: 'electron/main/a.ts' });
  const allowed = finding();
  const medium = finding({ check: 'SANDBOX_JS_CHECK', severity: 'MEDIUM' });
  const table = formatTable([medium, allowed, blocking], [{ finding: allowed, reason: REASON }]).split('\n');
  assert.match(table[0], /^severity\s+confidence\s+check\s+where\s+gate\s+code$/);
  assert.match(table[2], /^HIGH .*electron\/main\/a\.ts:40:17\s+BLOCKS/);
  assert.match(table[3], /^HIGH .*electron\/main\/windows\.ts:40:17\s+allowed/);
  assert.match(table[4], /^MEDIUM .*SANDBOX_JS_CHECK/);
  assert.doesNotMatch(table[4], /BLOCKS|allowed/);
});
