import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cliPath = fileURLToPath(new URL('./cli.ts', import.meta.url));

describe('cli', () => {
  it('prints one line with the URL, serves, and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', cliPath, '--port', '0', '--tps', '1000'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => (output += chunk));
      const deadline = Date.now() + 8000;
      while (!output.includes('\n') && Date.now() < deadline && child.exitCode === null) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const match = /^Fake Bifrost gateway listening on (http:\/\/127\.0\.0\.1:(\d+))\n$/.exec(output);
      expect(match).not.toBeNull();
      const url = match?.[1] ?? '';
      expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok' });
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
      expect(output.split('\n').filter(Boolean)).toHaveLength(1);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
