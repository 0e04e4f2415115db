import { spawn } from 'node:child_process';

/** The command that opens a URL in the default browser, per platform. */
export function browserCommand(platform: NodeJS.Platform, url: string): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // Not `cmd /c start`: cmd would interpret `&`, `^` and quotes in the URL.
  if (platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  return { command: 'xdg-open', args: [url] };
}

/** Best effort: a missing opener (headless machine) is not an error, the URL was printed. */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const { command, args } = browserCommand(platform, url);
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // Ignored on purpose.
  }
}
