#!/usr/bin/env node
// Static security gate: runs @doyensec/electronegativity on the Electron sources and fails on any HIGH
// severity finding that is not a documented false positive in electronegativity-allow.json.
//
//   node electron/security/electronegativity-gate.mjs [DIR_OR_FILE ...] [--allowlist FILE] [--report FILE]
//
// Inputs default to `electron` (main, preload, services, browser-mode host) and `renderer` (its HTML and
// React code). The sources, not out/: the tool's parser cannot read the minified renderer bundle
// (ClassPrivateProperty) and findings in bundles point at lines nobody edits.
// Exit codes: 0 pass, 1 blocking findings or unparsable files, 2 the tool could not run or gave no output.
//
// Why the tool's programmatic run() and not its CLI: the CLI exits 0 whatever it finds, prints nothing about
// files it could not parse, its CSV is written by two racing async writes (header and body; the header can
// overwrite the first row), and its SARIF has no severity. run() returns every issue with severity and
// confidence and every parse error. Its own SARIF is still written to a temp dir and must match run().
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  decide,
  formatTable,
  normaliseIssue,
  parseAllowlist,
  stagedName,
} from './electronegativityFindings.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const toPosix = (path) => path.split(sep).join('/');
/** Repository-relative for files of this repository (what the allowlist names), absolute otherwise. */
const display = (path) => {
  const fromRoot = toPosix(relative(repoRoot, resolve(path)));
  return fromRoot.startsWith('..') || isAbsolute(fromRoot) ? toPosix(resolve(path)) : fromRoot || '.';
};

function parseArgs(argv) {
  const options = { inputs: [], allowlist: join(here, 'electronegativity-allow.json'), report: null };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--allowlist' || arg === '--report') {
      const value = argv[(i += 1)];
      if (!value) throw new Error(`${arg} needs a file`);
      options[arg.slice(2)] = resolve(value);
    } else if (arg.startsWith('--')) {
      throw new Error(`unknown option ${arg}`);
    } else {
      options.inputs.push(arg);
    }
  }
  if (options.inputs.length === 0)
    options.inputs.push(join(repoRoot, 'electron'), join(repoRoot, 'renderer'));
  return options;
}

/** Copies every scannable file of `input` under `stageRoot`; returns staged path -> display path. */
function stage(input, stageRoot, sourceOf) {
  const absolute = resolve(input);
  if (!existsSync(absolute)) throw new Error(`input does not exist: ${input}`);
  const visit = (path) => {
    if (statSync(path).isDirectory()) {
      if (path.endsWith(`${sep}node_modules`)) return;
      for (const name of readdirSync(path).sort()) visit(join(path, name));
      return;
    }
    const name = stagedName(path);
    if (name === null) return;
    const target = join(stageRoot, relative(parse(name).root, name));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(path, target);
    sourceOf.set(target, display(path));
  };
  visit(absolute);
}

/** The tool's SARIF report: it is written by a fire-and-forget writeFile, so wait until it parses. */
async function readSarif(path, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      if (Date.now() > deadline) return null;
      await new Promise((done) => setTimeout(done, 50));
    }
  }
}

function electronVersion() {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const declared = manifest.devDependencies?.electron ?? manifest.dependencies?.electron;
  const version = typeof declared === 'string' ? declared.replace(/^[^\d]*/, '') : '';
  if (!/^\d+\.\d+\.\d+/.test(version)) throw new Error('package.json declares no Electron version');
  return version;
}

async function main() {
  const started = Date.now();
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`electronegativity gate: ${error.message}`);
    return 2;
  }
  let allowlist;
  try {
    allowlist = parseAllowlist(JSON.parse(readFileSync(options.allowlist, 'utf8')));
  } catch (error) {
    console.error(`electronegativity gate: ${options.allowlist}: ${error.message}`);
    return 2;
  }
  const work = mkdtempSync(join(tmpdir(), 'electronegativity-gate-'));
  try {
    const stageRoot = join(work, 'stage');
    const sarifPath = join(work, 'electronegativity.sarif');
    const sourceOf = new Map();
    try {
      for (const input of options.inputs) stage(input, stageRoot, sourceOf);
    } catch (error) {
      console.error(`electronegativity gate: ${error.message}`);
      return 2;
    }

    if (sourceOf.size === 0) {
      console.error(
        `electronegativity gate: no file electronegativity can read in ${options.inputs.join(', ')}`,
      );
      return 2;
    }
    let run;
    try {
      run = createRequire(import.meta.url)('@doyensec/electronegativity');
    } catch (error) {
      console.error(`electronegativity gate: cannot load @doyensec/electronegativity: ${error.message}`);
      return 2;
    }
    const version = electronVersion();
    console.log(
      `electronegativity gate: scanning ${sourceOf.size} files of ${options.inputs.map(display).join(', ')} as Electron ${version}` +
        ' (offline is fine: the tool only fails to refresh its translations)',
    );
    let raw;
    try {
      raw = await run(
        {
          input: stageRoot,
          output: sarifPath,
          isSarif: true,
          isRelative: false,
          electronVersionOverride: version,
          customScan: [],
          // Needs GitHub's release list (network) and a package.json in the input; we pass the version.
          excludeFromScan: ['availablesecurityfixesglobalcheck'],
          parserPlugins: [],
        },
        false,
      );
    } catch (error) {
      console.error(`electronegativity gate: the tool failed: ${error?.stack ?? error}`);
      return 2;
    }
    if (!Array.isArray(raw?.issues) || !Array.isArray(raw?.errors)) {
      console.error('electronegativity gate: the tool returned no issue list');
      return 2;
    }
    const sarif = await readSarif(sarifPath, 5000);
    if (sarif === null) {
      console.error('electronegativity gate: the tool wrote no SARIF output');
      return 2;
    }
    const sarifResults = sarif.runs?.[0]?.results;
    if (!Array.isArray(sarifResults) || sarifResults.length !== raw.issues.length) {
      console.error('electronegativity gate: the SARIF output does not match the issues returned');
      return 2;
    }

    const toSource = (file) => sourceOf.get(resolve(file)) ?? toPosix(relative(stageRoot, file));
    const findings = raw.issues.map((issue) => normaliseIssue(issue, toSource));
    const result = {
      findings,
      parseErrors: raw.errors.map((error) => ({
        file: toSource(String(error.file)),
        message: String(error.message),
        tolerable: error.tolerable === true,
      })),
      scannedFiles: sourceOf.size,
      checksLoaded: (raw?.globalChecks ?? 0) + (raw?.atomicChecks ?? 0),
    };
    const verdict = decide(result, allowlist);

    if (findings.length > 0) console.log(`\n${formatTable(findings, verdict.allowed)}\n`);
    for (const { finding, reason } of verdict.allowed) {
      console.log(`allowed: ${finding.check} at ${finding.file}:${finding.line}: ${reason}`);
    }
    for (const error of result.parseErrors.filter((e) => e.tolerable)) {
      console.log(`warning: ${error.file}: ${error.message}`);
    }
    for (const entry of verdict.unusedAllowlist) {
      console.log(
        `warning: allowlist entry not needed any more: ${entry.check} ${entry.file} "${entry.sample}"`,
      );
    }
    if (options.report) {
      writeFileSync(options.report, `${JSON.stringify({ ...result, verdict }, null, 2)}\n`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (verdict.ok) {
      console.log(
        `electronegativity gate: passed (${findings.length} findings, none blocking; ${result.checksLoaded} checks, ${seconds} s)`,
      );
      return 0;
    }
    console.error(`electronegativity gate: FAILED (${seconds} s)`);
    for (const problem of verdict.problems) console.error(`  - ${problem}`);
    return 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
