import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** File mode of the new file, e.g. 0o600 for secrets. Default 0o644 (minus umask). */
  mode?: number;
}

/**
 * Replaces `file` with `contents` so that readers see either the old or the new file, never a
 * half-written one: write a temp file in the same directory, fsync it, rename it over `file`,
 * then fsync the directory (best effort; not every platform allows opening a directory).
 */
export async function writeFileAtomic(
  file: string,
  contents: string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = options.mode ?? 0o644;
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(contents, 'utf8');
      // `open` applies the umask; make the requested mode exact (matters for 0o600 secrets).
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open directories; the rename is still atomic there.
  }
}

/** Moves a damaged file aside as `<file>.damaged-<timestamp>` and returns the new path. */
export async function moveAside(file: string, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = `${file}.damaged-${stamp}`;
  await rename(file, target);
  return target;
}
