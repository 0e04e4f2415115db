// Pure logic of the electronegativity gate: staging names, normalising the tool's issues, the allowlist,
// the pass/fail decision and the printed table. No I/O here (see electronegativity-gate.mjs).

/** Extensions electronegativity 1.10.3 reads (util/file.js list_files); anything else is silently skipped. */
export const SCANNED_EXTENSIONS = ['js', 'jsx', 'ts', 'tsx', 'html', 'htm'];

/** Module-flavoured extensions the tool skips, and the name they get in the staging copy so they are scanned. */
const STAGED_RENAMES = { mjs: 'js', cjs: 'js', mts: 'ts', cts: 'ts' };

const SEVERITY_ORDER = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];

function extensionOf(path) {
  const dot = path.lastIndexOf('.');
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return dot > slash + 1 ? path.slice(dot + 1).toLowerCase() : '';
}

/**
 * The name a source file gets in the staging copy, or null when the tool has nothing to read in it.
 * `.mjs`/`.cjs` (e.g. the built preload `out/preload/index.cjs`) become `.js`, `.mts`/`.cts` become `.ts`;
 * a `.d.ts`/`.d.mts` declaration file holds no code and is left out.
 */
export function stagedName(path) {
  if (/\.d\.[mc]?ts$/i.test(path)) return null;
  if (/(^|[/\\])node_modules([/\\]|$)/.test(path)) return null;
  const ext = extensionOf(path);
  if (SCANNED_EXTENSIONS.includes(ext)) return path;
  const renamed = STAGED_RENAMES[ext];
  return renamed ? `${path.slice(0, path.length - ext.length)}${renamed}` : null;
}

/**
 * One finding in our own shape. `raw` is an issue from electronegativity's `run()` (severity and confidence
 * are objects with a `name`); `toSourcePath` maps the file it reports (a staged path) back to the
 * repository-relative source path, or is given "N/A" for global findings.
 */
export function normaliseIssue(raw, toSourcePath) {
  const severity = String(raw?.severity?.name ?? raw?.severity ?? 'UNKNOWN').toUpperCase();
  const confidence = String(raw?.confidence?.name ?? raw?.confidence ?? 'UNKNOWN').toUpperCase();
  const file = typeof raw?.file === 'string' && raw.file !== 'N/A' ? toSourcePath(raw.file) : 'N/A';
  return {
    check: String(raw?.id ?? 'UNKNOWN_CHECK'),
    severity,
    confidence,
    file,
    line: Number(raw?.location?.line ?? 0),
    column: Number(raw?.location?.column ?? 0),
    sample: typeof raw?.sample === 'string' ? raw.sample.trim() : '',
    description: String(raw?.description ?? ''),
    manualReview: raw?.manualReview === true,
  };
}

/**
 * The allowlist file: `{ "entries": [{ "check", "file", "sample", "reason" }] }`. An entry matches a finding
 * with the same check id, the same repository-relative file and the same (trimmed) source line, so it
 * survives lines moving but not the flagged code changing. Every entry needs a real reason.
 */
export function parseAllowlist(json) {
  const entries = json?.entries;
  if (!Array.isArray(entries)) throw new Error('allowlist: "entries" must be an array');
  return entries.map((entry, index) => {
    for (const key of ['check', 'file', 'sample', 'reason']) {
      if (typeof entry?.[key] !== 'string' || entry[key].trim() === '') {
        throw new Error(`allowlist entry ${index}: "${key}" must be a non-empty string`);
      }
    }
    if (entry.reason.trim().length < 40) {
      throw new Error(`allowlist entry ${index}: the reason must say why this is a false positive`);
    }
    return { check: entry.check, file: entry.file, sample: entry.sample.trim(), reason: entry.reason };
  });
}

/**
 * Checks that block whatever severity the tool gives them. electronegativity 1.10.3 reports an explicit
 * `nodeIntegration: true` as INFORMATIONAL (it expects sandbox to cover it), yet Node in the renderer is the
 * one setting this app must never have.
 */
export const ALWAYS_BLOCKING_CHECKS = [
  'NODE_INTEGRATION_JS_CHECK',
  'NODE_INTEGRATION_HTML_CHECK',
  'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK',
];

export function isBlocking(finding) {
  if (ALWAYS_BLOCKING_CHECKS.includes(finding.check)) return true;
  // Unknown severities block too: a gate must not pass what it cannot read.
  const rank = SEVERITY_ORDER.indexOf(finding.severity);
  return rank === -1 || rank >= SEVERITY_ORDER.indexOf('HIGH');
}

const matches = (entry, finding) =>
  entry.check === finding.check && entry.file === finding.file && entry.sample === finding.sample;

/**
 * The decision. `result` is what the tool gave for all inputs together:
 * `{ findings, parseErrors: [{ file, message, tolerable }], scannedFiles, checksLoaded }`.
 * Fails when a blocking finding (HIGH or unreadable severity, or an always-blocking check) is not allowed, when a file could not be parsed,
 * when no file was scanned or no check was loaded (the tool did not really run).
 */
export function decide(result, allowlist) {
  const problems = [];
  if (!(result.checksLoaded > 0)) problems.push('electronegativity loaded no checks: the tool did not run');
  if (!(result.scannedFiles > 0)) problems.push('no file to scan: the gate would pass vacuously');
  for (const error of result.parseErrors) {
    if (!error.tolerable) problems.push(`could not parse ${error.file}: ${error.message}`);
  }
  const blocking = [];
  const allowed = [];
  const used = new Set();
  for (const finding of result.findings) {
    if (!isBlocking(finding)) continue;
    const entry = allowlist.find((candidate) => matches(candidate, finding));
    if (entry) {
      used.add(entry);
      allowed.push({ finding, reason: entry.reason });
    } else {
      blocking.push(finding);
    }
  }
  for (const finding of blocking) {
    problems.push(
      `${finding.severity} ${finding.check} at ${finding.file}:${finding.line}:${finding.column}`,
    );
  }
  const unusedAllowlist = allowlist.filter((entry) => !used.has(entry));
  return { ok: problems.length === 0, problems, blocking, allowed, unusedAllowlist };
}

const clip = (text, width) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** A plain-text table of every finding, most severe first, with the allowlist's verdict. */
export function formatTable(findings, allowed) {
  const allowedSet = new Set(allowed.map((item) => item.finding));
  const sorted = [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(b.severity) - SEVERITY_ORDER.indexOf(a.severity) ||
      a.file.localeCompare(b.file) ||
      a.line - b.line,
  );
  const rows = sorted.map((f) => [
    f.severity,
    f.confidence,
    f.check,
    f.file === 'N/A' ? '(global)' : `${f.file}:${f.line}:${f.column}`,
    isBlocking(f) ? (allowedSet.has(f) ? 'allowed' : 'BLOCKS') : '',
    clip(f.sample || f.description, 60),
  ]);
  const head = ['severity', 'confidence', 'check', 'where', 'gate', 'code'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
