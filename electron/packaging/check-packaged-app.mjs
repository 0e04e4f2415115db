#!/usr/bin/env node
// End-to-end packaging check without Electron's binary and without network: runs the real
// `electron-builder --dir --linux --x64` over the current out/ build, with `electronDist` pointing at a fake
// Electron (a file that only carries the fuse wire, in Electron's default state), then reads what came out:
// the fuse wire electron-builder flipped, the app.asar header and app.asar.unpacked.
//
//   node electron/packaging/check-packaged-app.mjs [--keep]      (needs out/: electron-vite build)
//
// Exit codes: 0 all checks pass, 1 a check failed, 2 it could not run (no build, electron-builder failed).
// About 30 s on a 2-core machine (copying ~120 MB of production node_modules).
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const toPosix = (path) => path.split(sep).join('/');
const keep = process.argv.includes('--keep');

// @electron/fuses: the sentinel before the fuse wire, and FuseV1Options' order. '0' off, '1' on.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = [
  ['runAsNode', '0'],
  ['enableCookieEncryption', '1'],
  ['enableNodeOptionsEnvironmentVariable', '0'],
  ['enableNodeCliInspectArguments', '0'],
  ['enableEmbeddedAsarIntegrityValidation', '1'],
  ['onlyLoadAppFromAsar', '1'],
  ['loadBrowserProcessSpecificV8Snapshot', null], // not configured: left as Electron ships it
  ['grantFileProtocolExtraPrivileges', '0'],
];
const ELECTRON_DEFAULT_WIRE = '10110001'; // Electron's defaults, so every flip is electron-builder's doing

function walk(dir, into = []) {
  if (!existsSync(dir)) return into;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, into);
    else into.push(path);
  }
  return into;
}

/** app.asar's file list from its header: Pickle(size) + Pickle(JSON string). */
function readAsarFiles(asarPath) {
  const fd = openSync(asarPath, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    const jsonLength = head.readUInt32LE(12);
    const json = Buffer.alloc(jsonLength);
    readSync(fd, json, 0, jsonLength, 16);
    const files = new Map();
    const visit = (node, prefix) => {
      for (const [name, child] of Object.entries(node.files ?? {})) {
        const path = prefix ? `${prefix}/${name}` : name;
        if (child.files) visit(child, path);
        else files.set(path, { unpacked: child.unpacked === true, size: child.size ?? 0 });
      }
    };
    visit(JSON.parse(json.toString('utf8')), '');
    return files;
  } finally {
    closeSync(fd);
  }
}

const moduleOf = (path) => {
  const parts = path.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at === -1 || at + 1 >= parts.length) return null;
  return parts.slice(at + 1, at + (parts[at + 1].startsWith('@') ? 3 : 2)).join('/');
};

function main() {
  const started = Date.now();
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (!existsSync(join(root, manifest.main))) {
    console.error(`check-packaged-app: ${manifest.main} is missing: build first (npx electron-vite build)`);
    return 2;
  }
  const work = mkdtempSync(join(tmpdir(), 'check-packaged-app-'));
  try {
    const fakeElectron = join(work, 'electron-dist');
    mkdirSync(fakeElectron);
    writeFileSync(
      join(fakeElectron, 'electron'),
      Buffer.concat([
        Buffer.from('\x7fELF stand-in for the Electron binary\n'),
        Buffer.from(SENTINEL),
        Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]),
        Buffer.from(ELECTRON_DEFAULT_WIRE),
        Buffer.alloc(32),
      ]),
    );
    chmodSync(join(fakeElectron, 'electron'), 0o755);
    writeFileSync(join(fakeElectron, 'version'), manifest.devDependencies.electron);

    const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
    const output = join(work, 'dist');
    const args = [
      cli,
      '--dir',
      '--linux',
      '--x64',
      '--projectDir',
      root,
      `-c.electronDist=${fakeElectron}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${output}`,
    ];
    console.log(
      `check-packaged-app: electron-builder --dir --linux --x64 with a stand-in Electron (${work})`,
    );
    const built = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 180_000 });
    if (built.status !== 0) {
      console.error(`${built.stdout ?? ''}${built.stderr ?? ''}`);
      console.error(
        `check-packaged-app: electron-builder failed (${built.error?.message ?? `exit ${built.status}`})`,
      );
      return 2;
    }
    const appDir = join(output, 'linux-unpacked');
    const resources = join(appDir, 'resources');
    const failures = [];
    const check = (ok, message) => {
      if (!ok) failures.push(message);
    };

    // 1. Fuses, as flipped in the binary electron-builder produced.
    const binary = readdirSync(appDir)
      .map((name) => join(appDir, name))
      .find((path) => statSync(path).isFile() && readFileSync(path).includes(SENTINEL));
    check(binary !== undefined, 'no binary with a fuse wire in linux-unpacked/');
    if (binary) {
      const bytes = readFileSync(binary);
      const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
      const wire = bytes.subarray(at + 2, at + 2 + bytes[at + 1]).toString('latin1');
      FUSES.forEach(([name, expected], index) => {
        const actual = wire[index];
        const want = expected ?? ELECTRON_DEFAULT_WIRE[index];
        check(actual === want, `fuse ${name} is ${actual}, expected ${want}`);
      });
      console.log(`  fuse wire ${ELECTRON_DEFAULT_WIRE} (Electron's defaults) -> ${wire}`);
    }

    // 2. What is in app.asar, and what is left outside it.
    const asarPath = join(resources, 'app.asar');
    check(existsSync(asarPath), 'no resources/app.asar');
    const asar = existsSync(asarPath) ? readAsarFiles(asarPath) : new Map();
    const unpackedDir = join(resources, 'app.asar.unpacked');
    const unpackedOnDisk = new Set(walk(unpackedDir).map((path) => toPosix(relative(unpackedDir, path))));
    const paths = [...asar.keys()];
    const appPaths = paths.filter((path) => !path.startsWith('node_modules/'));
    const expectedApp = walk(join(root, 'out'))
      .map((path) => toPosix(relative(root, path)))
      .filter((path) => !path.endsWith('.map'))
      .concat('package.json')
      .sort();
    check(
      JSON.stringify([...appPaths].sort()) === JSON.stringify(expectedApp),
      `app files in the archive differ from out/ + package.json: extra [${appPaths.filter((p) => !expectedApp.includes(p)).join(', ')}], missing [${expectedApp.filter((p) => !appPaths.includes(p)).join(', ')}]`,
    );
    check(!paths.some((path) => path.endsWith('.map')), 'source maps in the archive');
    check(
      appPaths.every((path) => !asar.get(path).unpacked),
      'app code outside the archive (asar integrity would not cover it)',
    );

    // 3. Dependencies: every production one in, no devDependency anywhere.
    const modules = new Set([...paths, ...unpackedOnDisk].map(moduleOf).filter(Boolean));
    for (const name of Object.keys(manifest.dependencies ?? {}))
      check(modules.has(name), `dependency ${name} not packed`);
    for (const name of Object.keys(manifest.devDependencies ?? {}))
      check(!modules.has(name), `devDependency ${name} packed`);
    const gpu = [...modules].filter((name) => /^@node-llama-cpp\/.*-(cuda|cuda-ext|vulkan)$/.test(name));
    check(gpu.length === 0, `GPU builds of llama.cpp packed: ${gpu.join(', ')}`);

    // 4. node-llama-cpp's native binaries: marked unpacked in the header and present next to the archive.
    const native = paths.filter(
      (path) =>
        /^node_modules\/(@node-llama-cpp|node-llama-cpp\/bins)\//.test(path) &&
        /\.(node|so|dylib|dll)$/.test(path),
    );
    check(
      native.some((path) => path.endsWith('.node')),
      'no llama.cpp addon (.node) packed for linux-x64',
    );
    const packedNative = native.filter((path) => !asar.get(path).unpacked || !unpackedOnDisk.has(path));
    check(
      packedNative.length === 0,
      `native binaries inside the archive: ${packedNative.slice(0, 5).join(', ')}`,
    );

    const size = (path) => walk(path).reduce((total, file) => total + statSync(file).size, 0);
    const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      `  app.asar ${mb(statSync(asarPath).size)} (${paths.length} files, ${modules.size} packages), ` +
        `app.asar.unpacked ${mb(size(unpackedDir))} (${unpackedOnDisk.size} files, ${native.length} llama.cpp binaries)`,
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (failures.length > 0) {
      console.error(`check-packaged-app: FAILED (${seconds} s)`);
      for (const failure of failures) console.error(`  - ${failure}`);
      return 1;
    }
    console.log(`check-packaged-app: passed (${seconds} s)`);
    return 0;
  } finally {
    if (keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = main();
