// electron-builder.yml against the requirements, without building or packaging anything: the
// configuration is loaded and schema-checked by electron-builder itself, and the files it would pack are
// computed by packagedFiles.ts (checked against app-builder-lib's own matchers in packagedFiles.test.ts)
// over the real project tree, out/ included when it has been built.
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { beforeAll, describe, expect, it } from 'vitest';
import viteConfig from '../../electron.vite.config';
import {
  externalImports,
  moduleRootOf,
  packagedFiles,
  packageNameOf,
  productionModulePaths,
  type PackagedFiles,
  type PackagingConfig,
} from './packagedFiles';

const ROOT = resolve(import.meta.dirname, '..', '..');
const toPosix = (path: string): string => path.split(sep).join('/');

interface PackageManifest {
  name: string;
  productName?: string;
  main?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageManifest;
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages?: Record<string, { dev?: boolean; devOptional?: boolean }>;
};
const dependencies = Object.keys(manifest.dependencies ?? {});
const devDependencies = Object.keys(manifest.devDependencies ?? {});

function walk(dir: string, skip: (path: string) => boolean, into: string[] = []): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return into; // missing, or removed while walking (other processes write test output)
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const rel = toPosix(relative(ROOT, path));
    if (skip(rel)) continue;
    if (entry.isDirectory()) walk(path, skip, into);
    else if (entry.isFile()) into.push(rel);
  }
  return into;
}

const NOT_PROJECT_FILES = new Set(['.git', 'node_modules', 'test-results', 'playwright-report', 'dist']);
// The project tree (sources, tests, scripts, configs, build resources, out/ if built), plus from
// node_modules every installed package's package.json and the local engine's packages in full.
function candidatePaths(): string[] {
  const project = walk(ROOT, (rel) => NOT_PROJECT_FILES.has(rel) || rel.endsWith('/node_modules'));
  const modules = Object.keys(lock.packages ?? {})
    .filter((path) => path.startsWith('node_modules/') && existsSync(join(ROOT, path, 'package.json')))
    .map((path) => `${path}/package.json`);
  const engine = [
    'node_modules/@node-llama-cpp',
    'node_modules/node-llama-cpp/bins',
    'node_modules/node-llama-cpp/llama',
  ].flatMap((dir) => walk(join(ROOT, dir), () => false));
  return [...new Set([...project, ...modules, ...engine])];
}

// validateConfiguration only reads `isEnabled` (to log an invalid config when debugging).
const quietLogger = { isEnabled: false } as unknown as Parameters<typeof validateConfiguration>[1];

let config: Configuration;
let files: PackagedFiles;
let candidates: string[];
const outFiles = walk(join(ROOT, 'out'), () => false);

beforeAll(async () => {
  config = await getConfig(ROOT, null, null);
  candidates = candidatePaths();
  files = packagedFiles(config as PackagingConfig, candidates, productionModulePaths(lock));
}, 30_000);

const targetsOf = (platform: { target?: unknown } | null | undefined): string[] =>
  [platform?.target ?? []]
    .flat()
    .map((target) => (typeof target === 'string' ? target : (target as { target: string }).target));

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema, which rejects a misspelt fuse', async () => {
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
    const misspelt = {
      ...config,
      electronFuses: { ...config.electronFuses, runAsNod: false },
    } as Configuration;
    await expect(validateConfiguration(misspelt, quietLogger)).rejects.toThrow(
      /configuration\.electronFuses/,
    );
  });

  it('builds AppImage + deb on Linux, dmg on macOS, nsis on Windows', () => {
    expect(targetsOf(config.linux).sort()).toEqual(['AppImage', 'deb']);
    expect(targetsOf(config.mac)).toEqual(['dmg']);
    expect(targetsOf(config.win)).toEqual(['nsis']);
    // deb refuses to build without a maintainer (package.json has no author).
    expect(config.linux?.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/);
  });

  it('names the app: reverse-DNS appId, the product name package.json uses', () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){2,}$/);
    expect(config.productName).toBe('Completions Playground');
    expect(manifest.productName).toBe(config.productName);
  });

  it('has a PNG icon of at least 512×512 for every platform', () => {
    const buildResources = config.directories?.buildResources ?? 'build';
    const icons = new Set([
      join(buildResources, 'icon.png'),
      config.linux?.icon,
      config.mac?.icon,
      config.win?.icon,
    ]);
    for (const icon of icons) {
      expect(icon, 'every platform names its icon').toBeTypeOf('string');
      const png = readFileSync(join(ROOT, icon as string));
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
      expect(png.readUInt32BE(20)).toBe(png.readUInt32BE(16));
    }
  });

  it('sets every Electron fuse the issue asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // Fuses only protect an asar app, and nothing overrides the lists per platform.
    expect(config.asar ?? true).toBe(true);
    for (const platform of [config.linux, config.mac, config.win]) {
      expect(platform?.files ?? null).toBeNull();
      expect(platform?.asarUnpack ?? null).toBeNull();
    }
  });
});

describe('what gets packed', () => {
  const packedApp = (): string[] => files.packed.filter((path) => !path.startsWith('node_modules/'));

  it('packs the entries electron.vite.config.ts builds, and package.json main is one of them', () => {
    const outputs: string[] = [];
    const main = viteConfig.main?.build;
    const preload = viteConfig.preload?.build;
    const renderer = viteConfig.renderer?.build;
    const inputs = (build: typeof main): string[] => {
      const input = build?.rollupOptions?.input;
      return input && typeof input === 'object' && !Array.isArray(input) ? Object.keys(input) : [];
    };
    for (const name of inputs(main)) outputs.push(`${main?.outDir}/${name}.js`);
    const preloadOutput = preload?.rollupOptions?.output;
    const preloadPattern =
      preloadOutput && !Array.isArray(preloadOutput) && typeof preloadOutput.entryFileNames === 'string'
        ? preloadOutput.entryFileNames
        : '[name].js';
    for (const name of inputs(preload))
      outputs.push(`${preload?.outDir}/${preloadPattern.replace('[name]', name)}`);
    outputs.push(`${renderer?.outDir}/index.html`, `${renderer?.outDir}/assets/index-hash.js`);

    expect(outputs).toContain(manifest.main);
    expect(outputs).toContain('out/preload/index.cjs');
    const { packed } = packagedFiles(config as PackagingConfig, outputs, new Set());
    expect(packed).toEqual(outputs);
  });

  it.skipIf(outFiles.length === 0)('packs every file of the real out/ but source maps', () => {
    const expected = outFiles.filter((path) => !path.endsWith('.map'));
    expect(expected.length).toBeGreaterThan(0);
    expect(
      packedApp()
        .filter((path) => path.startsWith('out/'))
        .sort(),
    ).toEqual(expected.sort());
    if (!outFiles.includes(manifest.main ?? ''))
      console.info(`out/ has no ${manifest.main}: stale or partial build`);
  });
  if (outFiles.length === 0)
    console.info('packagingConfig.test: out/ is not built, the real-output check is skipped');

  it('packs nothing else of the project: no sources, tests, e2e, scripts, CI or build resources', () => {
    expect(packedApp().filter((path) => !path.startsWith('out/'))).toEqual(['package.json']);
    // The candidates really contained what must stay out (the check above can fail).
    for (const dir of ['electron/', 'renderer/', 'shared/', 'e2e/', '.ci/']) {
      expect(
        candidates.some((path) => path.startsWith(dir)),
        dir,
      ).toBe(true);
    }
  });

  it('packs production dependencies and no devDependency', () => {
    const packedModules = new Set(files.packed.map(moduleRootOf).filter((root) => root !== null));
    for (const name of dependencies) expect(packedModules, name).toContain(`node_modules/${name}`);
    for (const name of devDependencies) expect(packedModules, name).not.toContain(`node_modules/${name}`);
    // Nothing that is in the lock only for development (vite, electron, playwright and their trees).
    const devOnly = Object.entries(lock.packages ?? {}).filter(([, entry]) => entry.dev === true);
    expect(devOnly.length).toBeGreaterThan(100);
    for (const [path] of devOnly) expect(packedModules.has(path), path).toBe(false);
  });

  it('leaves the GPU builds of llama.cpp and its source bundle out, the CPU build in', () => {
    const engine = files.packed.filter((path) => path.includes('node-llama-cpp'));
    expect(engine.some((path) => /@node-llama-cpp\/[^/]*-(cuda|cuda-ext|vulkan)\//.test(path))).toBe(false);
    expect(engine).not.toContain('node_modules/node-llama-cpp/llama/gitRelease.bundle');
    expect(engine).toContain('node_modules/node-llama-cpp/package.json');
  });
});

describe('dependencies', () => {
  const BUILD_TOOLS = [
    'electron',
    'electron-builder',
    'electron-vite',
    'vite',
    'vitest',
    '@vitejs/plugin-react',
    '@playwright/test',
    'typescript',
    'tsx',
    'eslint',
    'prettier',
    '@doyensec/electronegativity',
  ];

  it('keeps build and test tools in devDependencies', () => {
    for (const name of BUILD_TOOLS) {
      expect(devDependencies, name).toContain(name);
      expect(dependencies, name).not.toContain(name);
    }
    expect(dependencies.filter((name) => name.startsWith('@types/'))).toEqual([]);
  });

  it('lists only packages the app’s own code imports', () => {
    const sources = ['electron', 'renderer', 'shared']
      .flatMap((dir) => walk(join(ROOT, dir), (rel) => /\.test\.tsx?$|\/testing\//.test(rel)))
      .filter((path) => /\.(ts|tsx|mts|mjs)$/.test(path) && !path.endsWith('.d.ts'));
    const imported = new Set(
      sources.flatMap((path) => externalImports(readFileSync(join(ROOT, path), 'utf8')).map(packageNameOf)),
    );
    expect(dependencies.filter((name) => !imported.has(name))).toEqual([]);
  });

  // Bundled into out/renderer by Vite, so they are not needed in node_modules at run time; they are still
  // packed because they are listed under `dependencies` (tens of MB: gpt-tokenizer alone is 30 MB).
  // Moving them to devDependencies shrinks the app; each entry here must still be a dependency.
  // The renderer's libraries (React, zustand, uPlot, gpt-tokenizer, …) are bundled into out/renderer
  // by Vite, so they are devDependencies: packing them again would add ~40 MB nobody loads.

  it.skipIf(outFiles.length === 0)('lists every package the built main and preload load at run time', () => {
    const builtins = new Set([...builtinModules, 'electron']);
    const external = new Set(
      outFiles
        .filter((path) => /^out\/(main|preload)\/.*\.(c|m)?js$/.test(path))
        .flatMap((path) => externalImports(readFileSync(join(ROOT, path), 'utf8')).map(packageNameOf))
        .filter((name) => !builtins.has(name)),
    );
    expect(external.size).toBeGreaterThan(0);
    expect([...external].filter((name) => !dependencies.includes(name))).toEqual([]);
    const unexplained = dependencies.filter((name) => !external.has(name));
    expect(
      unexplained,
      'a dependency the built main and preload never load (bundle-only packages belong in devDependencies)',
    ).toEqual([]);
  });
});

describe('asar', () => {
  const NATIVE = /\.(node|so(\.\d+)*|dylib|dll|exe|metal)$/;

  it('leaves node-llama-cpp’s native binaries outside app.asar', () => {
    const native = files.packed.filter(
      (path) => NATIVE.test(path) && /^node_modules\/(@node-llama-cpp\/|node-llama-cpp\/bins\/)/.test(path),
    );
    if (native.length === 0) {
      console.info('packagingConfig.test: no prebuilt llama.cpp binary installed for this platform; skipped');
      return;
    }
    expect(native.some((path) => path.endsWith('.node'))).toBe(true);
    const unpacked = new Set(files.unpacked);
    expect(native.filter((path) => !unpacked.has(path))).toEqual([]);
  });

  it('keeps the app code inside app.asar (integrity validation covers only the archive)', () => {
    expect(files.unpacked.filter((path) => !path.startsWith('node_modules/'))).toEqual([]);
    expect(files.unpacked.filter((path) => statSync(join(ROOT, path)).size > 0).length).toBe(
      files.unpacked.length,
    );
  });
});
