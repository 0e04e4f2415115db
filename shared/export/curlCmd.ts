import { curlFlags, dataOption, headerArgParts, mergeText } from './curlArgs';
import { hasKey, joinParts, type ExportHeader, type PreparedExport } from './exportRequest';
import { CMD_MAX_LINE, cmdEscape, cmdQuote, isCmdSafe, msvcrtQuote } from './shellQuote';

/** Name of the file the cmd variant reads the body from when the body cannot be typed at a prompt. */
export const CMD_BODY_FILE = 'body.json';

export const CMD_BODY_FILE_NOTE = `The body has text a cmd command line cannot carry (non-ASCII characters or line breaks, or it is too long): save it as ${CMD_BODY_FILE} (UTF-8 without BOM, no final newline) in the folder you run the command from.`;

export interface CmdCurl {
  command: string;
  /** Set when the body goes through a file: its name and its exact content. */
  bodyFile?: { name: string; content: string };
}

/**
 * curl for an interactive cmd.exe prompt (Windows 10+ ships curl.exe, found as `curl`).
 * Arguments are MSVCRT-quoted for curl.exe, then every cmd special character is `^`-escaped
 * (see cmdEscape); `^` continues the lines. The key header comes first: `%VAR%` must be expanded
 * by cmd, and no other `%` may come before it to pair with it.
 * The body is inline when cmd can carry it (printable ASCII, line under 8191 characters); otherwise
 * it is posted from body.json, whose content the caller shows for the user to save — cmd has no
 * reliable way to write arbitrary UTF-8 bytes to a file itself.
 */
export function cmdCurl(request: PreparedExport): CmdCurl {
  const keyed = request.headers.filter(hasKey);
  const others = request.headers.filter((header) => !hasKey(header));
  const head = [
    `curl ${curlFlags(request).join(' ')} -X ${request.method} ${cmdQuote(request.url)}`,
    ...[...keyed, ...others].map((header) => `-H ${cmdHeaderArg(header, request)}`),
  ];
  const inline = [...head, `${dataOption(request.body)} ${cmdQuote(request.body)}`].join(' ^\n  ');
  if (isCmdSafe(request.body) && inline.replace(/ \^\n {2}/g, ' ').length <= CMD_MAX_LINE) {
    return { command: inline };
  }
  const command = [
    'rem The request body is in body.json, saved next to where you run this, byte for byte.',
    [...head, `--data-binary @${CMD_BODY_FILE}`].join(' ^\n  '),
  ].join('\n');
  return { command, bodyFile: { name: CMD_BODY_FILE, content: request.body } };
}

function cmdHeaderArg(header: ExportHeader, request: PreparedExport): string {
  const parts = mergeText(headerArgParts(header));
  const key = request.key;
  if (key.kind === 'real') return cmdQuote(joinParts(parts, key.value));
  // Quote for curl.exe with a marker where the key goes, escape the literal runs for cmd, then put
  // %VAR% unescaped at the marker so that cmd expands it.
  const marker = '\u0000';
  const quoted = msvcrtQuote(joinParts(parts, marker));
  return quoted
    .split(marker)
    .map((piece) => cmdEscape(piece))
    .join(`%${key.envVar}%`);
}
