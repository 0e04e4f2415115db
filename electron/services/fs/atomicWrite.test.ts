import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveAside, writeFileAtomic } from './atomicWrite';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates the file (and missing folders) and leaves no temp file behind', async () => {
    const file = join(dir, 'sub', 'a.json');
    await writeFileAtomic(file, '{"a":1}');
    expect(await readFile(file, 'utf8')).toBe('{"a":1}');
    expect(await readdir(join(dir, 'sub'))).toEqual(['a.json']);
  });

  it('replaces an existing file completely', async () => {
    const file = join(dir, 'a.json');
    await writeFile(file, 'x'.repeat(1000));
    await writeFileAtomic(file, 'short');
    expect(await readFile(file, 'utf8')).toBe('short');
  });

  it.skipIf(process.platform === 'win32')('applies the requested mode exactly', async () => {
    const file = join(dir, 'secret.json');
    await writeFileAtomic(file, 's', { mode: 0o600 });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('keeps the old file and removes the temp file when the rename fails', async () => {
    const target = join(dir, 'isadir');
    // A non-empty directory cannot be replaced by a rename: the write must fail cleanly.
    await writeFileAtomic(join(target, 'inner'), 'keep');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['isadir']);
    expect(await readFile(join(target, 'inner'), 'utf8')).toBe('keep');
  });
});

describe('moveAside', () => {
  it('renames the file with a damaged-<timestamp> suffix', async () => {
    const file = join(dir, 'profiles.json');
    await writeFile(file, 'garbage');
    const moved = await moveAside(file, new Date('2025-01-02T03:04:05.678Z'));
    expect(moved).toBe(`${file}.damaged-2025-01-02T03-04-05-678Z`);
    expect(await readFile(moved, 'utf8')).toBe('garbage');
    expect(await readdir(dir)).toEqual(['profiles.json.damaged-2025-01-02T03-04-05-678Z']);
  });
});
