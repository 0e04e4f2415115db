export type ShellFlavour = 'posix' | 'cmd' | 'powershell';

/** The commands found in a pasted text, each as its words (argv), and what could not be read. */
export interface ShellCommands {
  commands: string[][];
  problems: string[];
  /**
   * Files the text itself writes before running curl (PowerShell temp files), by the name the
   * curl arguments use for them (`@name`).
   */
  files?: Record<string, string>;
}
