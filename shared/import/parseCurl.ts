/** curl's options, read from an argv (see tokenizeShell), as far as a completion request needs them. */
import {
  DATA_OPTIONS,
  IGNORED_FLAGS,
  IGNORED_WITH_ARG,
  SHORT_WITH_ARG,
  UNSUPPORTED_FLAGS,
  UNSUPPORTED_WITH_ARG,
} from './curlOptions';

export interface CurlHeader {
  name: string;
  value: string;
}

export interface ParsedCurl {
  /** `-X` when given; else POST when there is a body, GET otherwise. */
  method: string;
  url: string | null;
  /** Headers in the order given (`Name;` is an empty value). Duplicates stay and are reported. */
  headers: CurlHeader[];
  /** Names (as first written) of headers given more than once. */
  duplicateHeaders: string[];
  /** The body as curl would send it; null when there is none or when it is in a file not provided. */
  body: string | null;
  /** Set when the body is read from a file whose content was not provided: the file's name. */
  bodyFileNeeded?: string;
  /** `-N` / `--no-buffer`. */
  noBuffer: boolean;
  /** Options read but with no effect on the request (`-s`, `-L`, `-v`, …). */
  ignoredOptions: string[];
  /** Options that change the request in ways the form cannot hold (reported, not applied). */
  unsupportedOptions: string[];
  warnings: string[];
}

export interface ParseCurlOptions {
  /** Content of files the command reads (`-d @name`, `-H @name`), by name. */
  files?: Record<string, string>;
}

/** Reads curl's options from `argv` (argv[0] is curl itself). */
export function parseCurl(argv: string[], options: ParseCurlOptions = {}): ParsedCurl {
  const files = options.files ?? {};
  const result: ParsedCurl = {
    method: 'GET',
    url: null,
    headers: [],
    duplicateHeaders: [],
    body: null,
    noBuffer: false,
    ignoredOptions: [],
    unsupportedOptions: [],
    warnings: [],
  };
  let method: string | null = null;
  const dataParts: Array<{ option: string; value: string }> = [];
  const urls: string[] = [];
  const args = expandShortOptions(argv.slice(1));
  let optionsEnded = false;

  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const next = (): string | undefined => {
      i += 1;
      const value = args[i];
      if (value === undefined) result.warnings.push(`${arg} is missing its value.`);
      return value;
    };
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      urls.push(arg);
    } else if (arg === '--') optionsEnded = true;
    else if (arg === '-X' || arg === '--request') method = next() ?? method;
    else if (arg === '-H' || arg === '--header') {
      const value = next();
      if (value !== undefined) addHeaderArg(value, files, result);
    } else if (DATA_OPTIONS.has(arg)) {
      const value = next();
      if (value !== undefined) dataParts.push({ option: arg, value });
    } else if (arg === '--url') {
      const value = next();
      if (value !== undefined) urls.push(value);
    } else if (arg === '-N' || arg === '--no-buffer') result.noBuffer = true;
    else if (IGNORED_FLAGS.has(arg)) result.ignoredOptions.push(arg);
    else if (IGNORED_WITH_ARG.has(arg)) {
      next();
      result.ignoredOptions.push(arg);
    } else if (arg in UNSUPPORTED_WITH_ARG) {
      // The value is not repeated: -u and -b carry secrets.
      next();
      result.unsupportedOptions.push(`${arg} (${UNSUPPORTED_WITH_ARG[arg] ?? ''})`);
    } else if (arg in UNSUPPORTED_FLAGS)
      result.unsupportedOptions.push(`${arg} (${UNSUPPORTED_FLAGS[arg] ?? ''})`);
    else result.unsupportedOptions.push(`${arg} (unknown option)`);
  }

  if (urls.length > 1) result.warnings.push(`Several URLs were given; the first is used: ${urls[0] ?? ''}`);
  result.url = urls[0] ?? null;
  if (result.url === null) result.warnings.push('No URL was found.');
  readBody(dataParts, files, result);
  if (dataParts.some((part) => part.option === '--json')) addJsonHeaders(result);
  result.method = (method ?? (dataParts.length > 0 ? 'POST' : 'GET')).toUpperCase();
  findDuplicates(result);
  return result;
}

/** `-sSN` → `-s -S -N`, `-XPOST` → `-X POST`, `-HName: v` → `-H 'Name: v'`. */
function expandShortOptions(args: string[]): string[] {
  const out: string[] = [];
  let optionsEnded = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (optionsEnded || !/^-[^-]/.test(arg) || arg.length === 2) {
      if (arg === '--') optionsEnded = true;
      out.push(arg);
      // Keep an option's value as it is, even when it starts with `-`.
      if (!optionsEnded && arg.length === 2 && SHORT_WITH_ARG.has(arg[1] ?? '') && i + 1 < args.length) {
        out.push(args[(i += 1)] ?? '');
      }
      continue;
    }
    for (let j = 1; j < arg.length; j += 1) {
      const letter = arg[j] ?? '';
      out.push(`-${letter}`);
      if (SHORT_WITH_ARG.has(letter)) {
        const rest = arg.slice(j + 1);
        if (rest !== '') out.push(rest);
        else if (i + 1 < args.length) out.push(args[(i += 1)] ?? '');
        break;
      }
    }
  }
  return out;
}

function addHeaderArg(value: string, files: Record<string, string>, result: ParsedCurl): void {
  if (value.startsWith('@')) {
    const name = value.slice(1);
    const content = files[name];
    if (content === undefined) {
      result.warnings.push(
        `Headers are read from the file ${name}; paste its lines as -H options to import them.`,
      );
      return;
    }
    for (const line of content.split(/\r?\n/)) if (line.trim() !== '') addHeaderArg(line, files, result);
    return;
  }
  const colon = value.indexOf(':');
  const semicolon = value.indexOf(';');
  if (colon < 0 && semicolon === value.length - 1 && semicolon > 0) {
    result.headers.push({ name: value.slice(0, -1).trim(), value: '' });
  } else if (colon <= 0) {
    result.warnings.push(`Not a header: ${value}`);
  } else {
    const headerValue = value.slice(colon + 1).trim();
    const name = value.slice(0, colon).trim();
    if (headerValue === '') {
      result.warnings.push(`-H "${name}:" tells curl not to send ${name}; it was left out.`);
      return;
    }
    result.headers.push({ name, value: headerValue });
  }
}

function readBody(
  parts: Array<{ option: string; value: string }>,
  files: Record<string, string>,
  result: ParsedCurl,
): void {
  if (parts.length === 0) return;
  const pieces: string[] = [];
  for (const { option, value } of parts) {
    const readsFile = value.startsWith('@') && option !== '--data-raw';
    if (!readsFile) {
      pieces.push(value);
      continue;
    }
    const name = value.slice(1);
    const content = files[name];
    if (content === undefined) {
      result.bodyFileNeeded = name;
      result.warnings.push(
        name === '-'
          ? 'The body is read from standard input; paste the body itself.'
          : `The body is in ${name}; paste its content.`,
      );
      return;
    }
    // -d and --data-ascii strip line breaks from a file; --data-binary and --json keep them.
    pieces.push(
      option === '-d' || option === '--data' || option === '--data-ascii'
        ? content.replace(/[\r\n]/g, '')
        : content,
    );
  }
  // Several -d are joined with &, several --json without a separator.
  const joiner = parts.every((part) => part.option === '--json') ? '' : '&';
  if (pieces.length > 1)
    result.warnings.push(`The body was given in ${pieces.length} parts and joined with "${joiner}".`);
  result.body = pieces.join(joiner);
}

function addJsonHeaders(result: ParsedCurl): void {
  const has = (name: string): boolean => result.headers.some((h) => h.name.toLowerCase() === name);
  if (!has('content-type')) result.headers.push({ name: 'Content-Type', value: 'application/json' });
  if (!has('accept')) result.headers.push({ name: 'Accept', value: 'application/json' });
}

function findDuplicates(result: ParsedCurl): void {
  const seen = new Map<string, string>();
  for (const { name } of result.headers) {
    const lower = name.toLowerCase();
    const first = seen.get(lower);
    if (first === undefined) seen.set(lower, name);
    else if (!result.duplicateHeaders.includes(first)) {
      result.duplicateHeaders.push(first);
      result.warnings.push(`The header ${first} is given more than once; curl sends every copy.`);
    }
  }
}
