import { CMD_BODY_FILE_NOTE, cmdCurl } from './curlCmd';
import { posixCurl } from './curlPosix';
import { powershellCurl } from './curlPowerShell';
import { prepareExport, REAL_KEY_WARNING, type ExportOptions, type ExportSource } from './exportRequest';

export type CurlShell = 'posix' | 'cmd' | 'powershell';

export const CURL_SHELLS: ReadonlyArray<{ shell: CurlShell; label: string }> = [
  { shell: 'posix', label: 'bash / zsh (POSIX)' },
  { shell: 'cmd', label: 'Windows cmd' },
  { shell: 'powershell', label: 'PowerShell' },
];

export interface CurlOptions extends ExportOptions {
  /** Default: posix. */
  shell?: CurlShell;
}

export interface CurlExport {
  shell: CurlShell;
  /** The text to copy. */
  command: string;
  /**
   * Only for cmd, when the body cannot be typed at a cmd prompt: the command posts `name`, and
   * `content` (the exact body) must be saved under that name first. Show it with its own Copy button.
   */
  bodyFile?: { name: string; content: string };
  /** Things the user must know (the real key is included; a body file is needed). */
  notes: string[];
}

/**
 * The request as a curl command for `shell`: every header the app sends (the x-bf-* ones too),
 * the body byte for byte, `-N` when streaming, and the key as an environment variable reference
 * ($VAR, %VAR%, $env:VAR) unless `includeRealKey` is given.
 */
export function curlExport(source: ExportSource, options: CurlOptions): CurlExport {
  const request = prepareExport(source, options);
  const shell = options.shell ?? 'posix';
  const notes = request.key.kind === 'real' ? [REAL_KEY_WARNING] : [];
  if (shell === 'cmd') {
    const { command, bodyFile } = cmdCurl(request);
    if (bodyFile) notes.push(CMD_BODY_FILE_NOTE);
    return bodyFile ? { shell, command, bodyFile, notes } : { shell, command, notes };
  }
  const command = shell === 'powershell' ? powershellCurl(request) : posixCurl(request);
  return { shell, command, notes };
}

/** Just the command text of curlExport. */
export function toCurl(source: ExportSource, options: CurlOptions): string {
  return curlExport(source, options).command;
}
