import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  externalImports,
  mainFilePatterns,
  moduleRootOf,
  nodeModuleFilePatterns,
  packagedFiles,
  packageNameOf,
  productionModulePaths,
  userPatterns,
  type PackagingConfig,
} from './packagedFiles';

// app-builder-lib's own matchers (a dependency of electron-builder), as the oracle for the model.
// getMainFileMatchers / getNodeModuleFileMatcher are marked @internal, so they have no typings: typed here.
type FileFilter = (file: string, stat: { isDirectory(): boolean }) => boolean;
interface RealMatcher {
  patterns: string[];
  createFilter(): FileFilter;
}
interface RealPackagerInfo {
  projectDir: string;
  buildResourcesDir: string;
  isPrepackedAppAsar: boolean;
  config: PackagingConfig;
  debugLogger: { isEnabled: boolean };
}
interface FileMatcherModule {
  getMainFileMatchers(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformSpecificBuildOptions: object,
    platformPackager: { info: RealPackagerInfo },
    outDir: string,
    isElectronCompile: boolean,
  ): RealMatcher[];
  getNodeModuleFileMatcher(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformSpecificBuildOptions: object,
    packager: RealPackagerInfo,
  ): RealMatcher;
  getFileMatchers(
    config: PackagingConfig,
    name: 'asarUnpack',
    defaultDestination: string,
    options: {
      macroExpander: (p: string) => string;
      customBuildOptions: object;
      globalOutDir: string;
      defaultSrc: string;
    },
  ): RealMatcher[] | null;
}
const real = createRequire(import.meta.url)('app-builder-lib/out/fileMatcher') as FileMatcherModule;

const APP = '/project';
const identity = (pattern: string): string => pattern;
const fileStat = { isDirectory: () => false };

function realDecisions(config: PackagingConfig, paths: readonly string[]) {
  const info: RealPackagerInfo = {
    projectDir: APP,
    buildResourcesDir: config.directories?.buildResources ?? 'build',
    isPrepackedAppAsar: false,
    config,
    debugLogger: { isEnabled: false },
  };
  const outDir = `${APP}/${config.directories?.output ?? 'dist'}`;
  const [main] = real.getMainFileMatchers(APP, '/dest', identity, {}, { info }, outDir, false);
  const nodeModules = real.getNodeModuleFileMatcher(APP, '/dest', identity, {}, info);
  const unpack = real.getFileMatchers(config, 'asarUnpack', '/dest', {
    macroExpander: identity,
    customBuildOptions: {},
    globalOutDir: outDir,
    defaultSrc: APP,
  });
  if (!main) throw new Error('no main matcher');
  const mainFilter = main.createFilter();
  const moduleFilter = nodeModules.patterns.length === 0 ? () => true : nodeModules.createFilter();
  const unpackFilter = unpack?.[0]?.createFilter() ?? (() => false);
  const packed = paths.filter((path) =>
    path.startsWith('node_modules/')
      ? moduleFilter(`${APP}/${path}`, fileStat)
      : mainFilter(`${APP}/${path}`, fileStat),
  );
  return { packed, unpacked: packed.filter((path) => unpackFilter(`${APP}/${path}`, fileStat)), main };
}

const CANDIDATES = [
  'package.json',
  'package-lock.json',
  'README.md',
  '.gitignore',
  '.editorconfig',
  'electron-builder.yml',
  'electron/main/index.ts',
  'electron/main/index.test.ts',
  'renderer/index.html',
  'shared/contracts/api.ts',
  'e2e/app.spec.ts',
  '.ci/run',
  'electron/security/electronegativity-gate.mjs',
  'electron/packaging/resources/icon.png',
  'dist/linux-unpacked/resources/app.asar',
  'out/main/index.js',
  'out/main/index.js.map',
  'out/main/chunks/engine-abc.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
  'out/renderer/assets/index-x.css',
  'out/renderer/assets/index-x.js.map',
  'out/types.d.ts',
  'out/native.o',
  'out/._resource',
  'docs',
  'docs/notes.md',
  '.yarn/cache/x.zip',
  'node_modules/ws/package.json',
  'node_modules/ws/lib/websocket.js',
  'node_modules/ws/lib/websocket.js.map',
  'node_modules/node-llama-cpp/llama/gitRelease.bundle',
  'node_modules/node-llama-cpp/bins/_linux-x64.moved.txt',
  'node_modules/@node-llama-cpp/linux-x64/bins/linux-x64/llama-addon.node',
  'node_modules/@node-llama-cpp/linux-x64-cuda/bins/linux-x64-cuda/libggml-cuda.so',
  'node_modules/@node-llama-cpp/linux-x64-cuda-ext/bins/x/libggml-cuda.so',
  'node_modules/@node-llama-cpp/mac-arm64-metal/bins/mac-arm64-metal/ggml-metal.metal',
];

const CONFIGS: Record<string, PackagingConfig> = {
  'this project (strings)': {
    files: ['out/**', 'package.json', '!**/*.map', '!node_modules/node-llama-cpp/llama/gitRelease.bundle'],
    asarUnpack: ['node_modules/node-llama-cpp/bins/**', 'node_modules/@node-llama-cpp/**'],
    directories: { output: 'dist', buildResources: 'build' },
  },
  'normalised FileSet form, GPU builds excluded': {
    files: [{ filter: ['out/**', 'package.json', '!**/*.map', '!node_modules/@node-llama-cpp/*-cuda/**'] }],
    asarUnpack: ['node_modules/@node-llama-cpp/**'],
  },
  'no files at all (electron-builder default: everything)': {},
  'only ignores': { files: ['!e2e/**', '!**/*.test.ts', '!node_modules/ws/lib/**'] },
  'a bare directory and ./ prefixes': { files: ['./out', 'docs'], asarUnpack: 'out/main/chunks' },
  'a permissive **/* then exclusions': { files: ['**/*', '!electron{,/**}', '!renderer/**'] },
  'other build and output dirs': {
    files: ['**/*'],
    directories: { output: 'release', buildResources: 'resources' },
  },
};

describe('packagedFiles agrees with app-builder-lib', () => {
  for (const [name, config] of Object.entries(CONFIGS)) {
    it(name, () => {
      const expected = realDecisions(structuredClone(config), CANDIDATES);
      const everyModule = new Set(CANDIDATES.map(moduleRootOf).filter((root) => root !== null));
      const model = packagedFiles(config, CANDIDATES, everyModule);
      expect(model.packed).toEqual(expected.packed);
      expect(model.unpacked).toEqual(expected.unpacked);
      expect(mainFilePatterns(config)).toEqual(expected.main.patterns);
    });
  }
});

describe('packagedFiles', () => {
  const config = CONFIGS['this project (strings)'] ?? {};

  it('packs only production modules', () => {
    const candidates = [
      'node_modules/ws/package.json',
      'node_modules/vite/package.json',
      'out/main/index.js',
    ];
    const { packed } = packagedFiles(config, candidates, new Set(['node_modules/ws']));
    expect(packed).toEqual(['node_modules/ws/package.json', 'out/main/index.js']);
  });

  it('applies the ! patterns of files inside node_modules, and only those', () => {
    expect(nodeModuleFilePatterns(config)).toEqual([
      '**/*',
      '!**/*.map',
      '!node_modules/node-llama-cpp/llama/gitRelease.bundle',
    ]);
    expect(nodeModuleFilePatterns({ files: ['out/**'] })).toEqual([]);
  });

  it('refuses FileSets with from/to, which it does not model', () => {
    expect(() => userPatterns([{ from: 'resources', to: 'x', filter: ['**/*'] }])).toThrow(/not modelled/);
    expect(userPatterns([{ from: '.', filter: './out/**' }])).toEqual(['out/**']);
  });
});

describe('moduleRootOf', () => {
  it('finds the innermost package, scoped or not', () => {
    expect(moduleRootOf('node_modules/ws/lib/a.js')).toBe('node_modules/ws');
    expect(moduleRootOf('node_modules/@scope/pkg/a.js')).toBe('node_modules/@scope/pkg');
    expect(moduleRootOf('node_modules/a/node_modules/@s/b/x/y.js')).toBe('node_modules/a/node_modules/@s/b');
    expect(moduleRootOf('node_modules/a/node_modules/b')).toBe('node_modules/a');
    expect(moduleRootOf('out/main/index.js')).toBeNull();
  });
});

describe('productionModulePaths', () => {
  it('drops dev and devOptional packages, keeps optional ones', () => {
    const lock = {
      packages: {
        '': {},
        'node_modules/ws': {},
        'node_modules/vite': { dev: true },
        'node_modules/fsevents': { devOptional: true },
        'node_modules/@node-llama-cpp/linux-x64': { optional: true },
        'node_modules/a/node_modules/b': {},
      },
    };
    expect([...productionModulePaths(lock)].sort()).toEqual([
      'node_modules/@node-llama-cpp/linux-x64',
      'node_modules/a/node_modules/b',
      'node_modules/ws',
    ]);
  });
});

describe('externalImports', () => {
  it('finds static, side-effect, dynamic and require loads, not relative or node: ones', () => {
    const code = [
      'import { app } from "electron";',
      "import x, { y } from 'zod';",
      "export { z } from 'eventsource-parser/stream';",
      'import "side-effect";',
      'const m = await import("node-llama-cpp");',
      "const ws = require('ws');",
      "import fs from 'node:fs';",
      "import './local.js';",
      'const routes = { "import": route(z.object({ json: z.string() })) };',
      'const s = "not an import from \'x\'";',
    ].join('\n');
    expect(externalImports(code)).toEqual([
      'electron',
      'eventsource-parser/stream',
      'node-llama-cpp',
      'side-effect',
      'ws',
      'zod',
    ]);
  });

  it('packageNameOf strips subpaths', () => {
    expect(packageNameOf('eventsource-parser/stream')).toBe('eventsource-parser');
    expect(packageNameOf('@tanstack/react-query/x')).toBe('@tanstack/react-query');
    expect(packageNameOf('zod')).toBe('zod');
  });
});
