// Which files electron-builder puts in the app (and which it leaves outside app.asar), computed from its
// configuration the way app-builder-lib 26 does it (fileMatcher.js getMainFileMatchers /
// getNodeModuleFileMatcher, util/filter.js minimatchAll). packagedFiles.test.ts checks this model against
// app-builder-lib's own matchers, so an electron-builder upgrade that changes the rules fails there.
//
// Model, for candidate paths relative to the project directory (POSIX separators):
// - app files (outside node_modules/): the `files` patterns plus electron-builder's default exclusions;
// - node_modules/: only packages of the production dependency tree, minus the `!` patterns of `files`
//   (electron-builder's own extra clean-up of node_modules, e.g. READMEs, is not modelled: this over-approximates);
// - unpacked: packed files matching `asarUnpack` (smartUnpack's automatic unpacking is not modelled).
import { Minimatch } from 'minimatch';

/** electron-builder's FileSet; only the project-root form (no `from`/`to`) is modelled. */
export interface FileSetConfig {
  from?: string | null;
  to?: string | null;
  filter?: string | string[] | null;
}
export type FilePatternsConfig = string | FileSetConfig | Array<string | FileSetConfig> | null | undefined;

export interface PackagingConfig {
  files?: FilePatternsConfig;
  asarUnpack?: string | string[] | null;
  directories?: { output?: string | null; buildResources?: string | null } | null;
  includePdb?: boolean | null;
}

// app-builder-lib/out/fileMatcher.js excludedNames / excludedExts (26.17.0).
export const EXCLUDED_NAMES =
  '.git,.hg,.svn,CVS,RCS,SCCS,__pycache__,.DS_Store,thumbs.db,.gitignore,.gitkeep,.gitattributes,.npmignore,' +
  '.idea,.vs,.flowconfig,.jshintrc,.eslintrc,.circleci,' +
  '.yarn-integrity,.yarn-metadata.json,yarn-error.log,yarn.lock,package-lock.json,npm-debug.log,pnpm-lock.yaml,bun.lock,bun.lockb,' +
  'appveyor.yml,.travis.yml,circle.yml,.nyc_output,.husky,.github,electron-builder.env';
export const EXCLUDED_EXTS =
  'iml,hprof,orig,pyc,pyo,rbc,swp,csproj,sln,suo,xproj,cc,d.ts,' + 'mk,a,o,obj,forge-meta';

const MINIMATCH_OPTIONS = { dot: true };

function normalizePattern(pattern: string): string {
  const slashed = pattern.replace(/\\/g, '/');
  const trimmed = slashed.startsWith('./') ? slashed.slice(2) : slashed;
  // path.posix.normalize without importing node:path (keeps this module environment-free).
  const negated = trimmed.startsWith('!');
  const parts: string[] = [];
  for (const part of (negated ? trimmed.slice(1) : trimmed).split('/')) {
    if (part === '.' || (part === '' && parts.length > 0)) continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return `${negated ? '!' : ''}${parts.join('/')}`;
}

/** The user's patterns of `files` (or `asarUnpack`), in order; throws on forms this model does not cover. */
export function userPatterns(value: FilePatternsConfig): string[] {
  if (value === null || value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  const patterns: string[] = [];
  for (const item of items) {
    if (typeof item === 'string') {
      patterns.push(normalizePattern(item));
      continue;
    }
    const fromRoot = item.from === undefined || item.from === null || item.from === '.';
    const toRoot = item.to === undefined || item.to === null || item.to === '.';
    if (!fromRoot || !toRoot) throw new Error('packagedFiles: FileSet with from/to is not modelled');
    const filter = item.filter ?? [];
    for (const pattern of Array.isArray(filter) ? filter : [filter]) patterns.push(normalizePattern(pattern));
  }
  return patterns;
}

/** The full pattern list electron-builder applies to app files (getMainFileMatchers, from = project dir). */
export function mainFilePatterns(config: PackagingConfig): string[] {
  const isSpecifiedAsEmptyArray = Array.isArray(config.files) && config.files.length === 0;
  const items = config.files === null || config.files === undefined ? [] : [config.files].flat();
  const strings = items.filter((item) => typeof item === 'string');
  if (strings.length > 0 && strings.length < items.length) {
    throw new Error('packagedFiles: mixing pattern strings and FileSets in `files` is not modelled');
  }
  const patterns = userPatterns(config.files);
  const output = normalizePattern(config.directories?.output ?? 'dist');
  // getFileMatchers adds this to the matcher of plain pattern strings (not to a FileSet's).
  if (strings.length > 0 && !output.startsWith('.')) patterns.push(`!${output}/*-unpacked{,/**/*}`);
  const customFirst: string[] = [];
  const onlyIgnores = patterns.length > 0 && patterns.every((p) => p.startsWith('!'));
  if (!isSpecifiedAsEmptyArray && (patterns.length === 0 || onlyIgnores)) customFirst.push('**/*');
  else if (!patterns.includes('package.json')) patterns.push('package.json');

  const nodeModulesIndex = patterns.findIndex(
    (p) => !p.startsWith('!') && (p.includes('/node_modules') || p.includes('node_modules/')),
  );
  if (nodeModulesIndex !== -1) patterns.splice(nodeModulesIndex, 0, '!**/node_modules/**');
  else customFirst.push('!**/node_modules/**');

  const buildResources = normalizePattern(config.directories?.buildResources ?? 'build');
  if (buildResources.length > 0 && !buildResources.startsWith('.'))
    customFirst.push(`!${buildResources}{,/**/*}`);
  if (!output.startsWith('.')) customFirst.push(`!${output}{,/**/*}`);

  let insertIndex = 0;
  for (let i = patterns.length - 1; i >= 0; i -= 1) {
    if (patterns[i]?.startsWith('**/')) {
      insertIndex = i + 1;
      break;
    }
  }
  patterns.splice(insertIndex, 0, ...customFirst);
  patterns.push(`!**/*.{${EXCLUDED_EXTS}${config.includePdb === true ? '' : ',pdb'}}`);
  patterns.push('!**/._*');
  patterns.push('!**/electron-builder.{yaml,yml,json,json5,toml,ts}');
  patterns.push(`!**/{${EXCLUDED_NAMES}}`);
  patterns.push('!.yarn{,/**/*}', '!.editorconfig', '!.yarnrc.yml');
  return patterns;
}

/** Patterns applied inside node_modules/ (getNodeModuleFileMatcher): everything but the `!` patterns of `files`. */
export function nodeModuleFilePatterns(config: PackagingConfig): string[] {
  const ignores = userPatterns(config.files).filter((p) => p.startsWith('!'));
  return ignores.length === 0 ? [] : ['**/*', ...ignores];
}

function hasMagic(pattern: Minimatch): boolean {
  return pattern.set.length > 1 || (pattern.set[0] ?? []).some((part) => typeof part !== 'string');
}

/** Minimatch objects as FileMatcher.computeParsedPatterns makes them (a bare directory also matches its content). */
export function compilePatterns(patterns: readonly string[]): Minimatch[] {
  const compiled: Minimatch[] = [];
  for (const pattern of patterns) {
    const parsed = new Minimatch(pattern, MINIMATCH_OPTIONS);
    compiled.push(parsed);
    if (!pattern.includes('.') && !hasMagic(parsed))
      compiled.push(new Minimatch(`${pattern}/**/*`, MINIMATCH_OPTIONS));
  }
  return compiled;
}

/** util/filter.js minimatchAll for a file: later patterns win, `!` patterns only re-test a match. */
export function matchesAll(path: string, patterns: readonly Minimatch[]): boolean {
  let match = false;
  for (const pattern of patterns) {
    if (match !== pattern.negate) continue;
    match = pattern.match(path);
  }
  return match;
}

export interface LockPackage {
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
}

/** Install paths (`node_modules/a`, `node_modules/a/node_modules/b`) of the production tree, from package-lock v2/v3. */
export function productionModulePaths(lock: { packages?: Record<string, LockPackage> }): Set<string> {
  const paths = new Set<string>();
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path === '' || !path.includes('node_modules/')) continue;
    if (entry.dev === true || entry.devOptional === true) continue;
    paths.add(path);
  }
  return paths;
}

/** The install path of the package a node_modules file belongs to (`node_modules/@s/p/x.js` -> `node_modules/@s/p`). */
export function moduleRootOf(path: string): string | null {
  const segments = path.split('/');
  let root: string | null = null;
  let i = 0;
  while (i < segments.length) {
    if (segments[i] !== 'node_modules') {
      i += 1;
      continue;
    }
    const end = i + 1 + (segments[i + 1]?.startsWith('@') ? 2 : 1);
    if (end >= segments.length) break; // no file inside that package
    root = segments.slice(0, end).join('/');
    i = end;
  }
  return root;
}

export interface PackagedFiles {
  /** Files that end up in the app (inside app.asar or next to it). */
  packed: string[];
  /** Of those, the files left outside the archive (app.asar.unpacked). */
  unpacked: string[];
}

export function packagedFiles(
  config: PackagingConfig,
  candidatePaths: readonly string[],
  productionModules: ReadonlySet<string>,
): PackagedFiles {
  const main = compilePatterns(mainFilePatterns(config));
  const nodeModulePatterns = nodeModuleFilePatterns(config);
  const nodeModules = compilePatterns(nodeModulePatterns);
  const unpack = compilePatterns(userPatterns(config.asarUnpack));
  const packed: string[] = [];
  for (const path of candidatePaths) {
    if (path.startsWith('node_modules/')) {
      const root = moduleRootOf(path);
      if (root === null || !productionModules.has(root)) continue;
      if (nodeModulePatterns.length > 0 && !matchesAll(path, nodeModules)) continue;
      packed.push(path);
    } else if (matchesAll(path, main)) {
      packed.push(path);
    }
  }
  const unpacked = unpack.length === 0 ? [] : packed.filter((path) => matchesAll(path, unpack));
  return { packed, unpacked };
}

/**
 * Bare module specifiers a built file loads at run time (static `import … from`, `export … from`,
 * `import()` and `require()` with a string literal), without `node:` built-ins. Used on out/main and
 * out/preload: whatever the bundler left external must be a production dependency.
 */
export function externalImports(code: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w*{][^'"`;]*?)?\bfrom\s*(['"])([^'"]+)\1/g,
    /(?:^|[;}\n])\s*import\s*(['"])([^'"]+)\1/g,
    /\bimport\(\s*(['"])([^'"]+)\1\s*\)/g,
    /\brequire\(\s*(['"])([^'"]+)\1\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      const specifier = match[2] ?? '';
      if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) continue;
      found.add(specifier);
    }
  }
  return [...found].sort();
}

/** `@scope/name/sub/path` -> `@scope/name`; `name/sub` -> `name`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
