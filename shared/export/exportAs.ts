import { curlExport } from './curl';
import { REAL_KEY_WARNING, type ExportOptions, type ExportSource } from './exportRequest';
import { toFetch, toJsonBody, toPythonOpenAI, toPythonRequests } from './snippets';

export type ExportTarget =
  'curl-posix' | 'curl-cmd' | 'curl-powershell' | 'json' | 'fetch' | 'python-openai' | 'python-requests';

/** Every export, in menu order, with its label. */
export const EXPORT_TARGETS: ReadonlyArray<{ target: ExportTarget; label: string }> = [
  { target: 'curl-posix', label: 'curl (bash, zsh)' },
  { target: 'curl-cmd', label: 'curl (Windows cmd)' },
  { target: 'curl-powershell', label: 'curl (PowerShell)' },
  { target: 'json', label: 'JSON body' },
  { target: 'fetch', label: 'JavaScript (fetch)' },
  { target: 'python-openai', label: 'Python (openai SDK)' },
  { target: 'python-requests', label: 'Python (requests)' },
];

export const PYTHON_OPENAI_NOTE =
  'The openai SDK writes its own JSON and headers: the request is equivalent, not byte-identical.';

export interface ExportResult {
  /** The text to copy. */
  text: string;
  /** cmd only: a file the command reads the body from, to save first (see CurlExport). */
  bodyFile?: { name: string; content: string };
  /** To show next to the text (the real key is included, a body file is needed, ...). */
  notes: string[];
}

/** One entry point for an export menu: the text for `target`, and what to tell the user about it. */
export function exportAs(target: ExportTarget, source: ExportSource, options: ExportOptions): ExportResult {
  const keyNotes = options.includeRealKey ? [REAL_KEY_WARNING] : [];
  switch (target) {
    case 'curl-posix':
    case 'curl-cmd':
    case 'curl-powershell': {
      const shell = target === 'curl-posix' ? 'posix' : target === 'curl-cmd' ? 'cmd' : 'powershell';
      const { command, bodyFile, notes } = curlExport(source, { ...options, shell });
      return bodyFile ? { text: command, bodyFile, notes } : { text: command, notes };
    }
    case 'json':
      return { text: toJsonBody(source), notes: [] };
    case 'fetch':
      return { text: toFetch(source, options), notes: keyNotes };
    case 'python-openai':
      return { text: toPythonOpenAI(source, options), notes: [...keyNotes, PYTHON_OPENAI_NOTE] };
    case 'python-requests':
      return { text: toPythonRequests(source, options), notes: keyNotes };
  }
}
