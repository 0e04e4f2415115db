import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DownloadProgress, SuggestedModel } from '@shared/contracts/localModels';
import { createModelLibrary, SUGGESTED_MODELS, suggestedModels } from './modelLibrary';

/** A model file's stand-in: 256 KiB of deterministic bytes. */
const BYTES = Buffer.from(Array.from({ length: 256 * 1024 }, (_, i) => (i * 31 + 7) & 255));
const SHA = createHash('sha256').update(BYTES).digest('hex');

let server: Server;
let base = '';
/** Each response: `slow` sends in small pieces with pauses (to cancel mid-way). */
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/missing.gguf') return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': BYTES.length });
    if (req.url !== '/slow.gguf') return res.end(BYTES);
    let offset = 0;
    const timer = setInterval(() => {
      if (res.destroyed) return clearInterval(timer);
      res.write(BYTES.subarray(offset, offset + 4096));
      offset += 4096;
      if (offset >= BYTES.length) {
        clearInterval(timer);
        res.end();
      }
    }, 20);
    res.on('close', () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'models-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const model = (overrides: Partial<SuggestedModel> = {}): SuggestedModel => ({
  id: 'tiny',
  name: 'Tiny',
  description: 'test',
  url: `${base}/tiny.gguf`,
  file: 'tiny.gguf',
  sizeBytes: BYTES.length,
  sha256: SHA,
  ...overrides,
});

function download(library: ReturnType<typeof createModelLibrary>, id = 'tiny') {
  const events: DownloadProgress[] = [];
  return new Promise<DownloadProgress[]>((resolve) => {
    const started = library.download(id, (progress) => {
      events.push(progress);
      if (progress.done || progress.error) resolve(events);
    });
    expect(started.downloadId).toMatch(/^[0-9a-f-]{36}$/);
  });
}

describe('the model library', () => {
  it('offers the TinyStories test model with its size and sha256', () => {
    expect(SUGGESTED_MODELS[0]).toMatchObject({ file: 'stories260K.gguf', sizeBytes: 1_185_376 });
    expect(SUGGESTED_MODELS[0]?.url).toMatch(/^https:\/\/huggingface\.co\//);
    expect(suggestedModels('http://mirror.local/hf')[0]?.url).toBe(
      'http://mirror.local/hf/ggml-org/models/resolve/main/tinyllamas/stories260K.gguf',
    );
    expect(suggestedModels(undefined)).toBe(SUGGESTED_MODELS);
  });

  it('downloads, checks the sha256, installs the file and lists it; remove deletes it', async () => {
    const library = createModelLibrary({ dir, suggested: [model()] });
    const events = await download(library);
    const last = events.at(-1);
    expect(last?.done).toEqual({ file: 'tiny.gguf', path: join(dir, 'tiny.gguf'), sizeBytes: BYTES.length });
    expect(last?.receivedBytes).toBe(BYTES.length);
    expect((await library.list()).installed).toEqual([last?.done]);
    expect(await library.remove('tiny.gguf')).toBe(true);
    expect((await library.list()).installed).toEqual([]);
  });

  it('reports progress while a slow download runs, and cancel leaves no file behind', async () => {
    const library = createModelLibrary({ dir, suggested: [model({ url: `${base}/slow.gguf` })] });
    const events: DownloadProgress[] = [];
    const finished = new Promise<void>((resolve) => {
      const { downloadId } = library.download('tiny', (progress) => {
        events.push(progress);
        if (progress.receivedBytes > 40_000 && !progress.error) library.cancel(downloadId);
        if (progress.error || progress.done) resolve();
      });
    });
    await finished;
    expect(events.some((event) => event.receivedBytes > 0 && !event.error)).toBe(true);
    expect(events.at(-1)?.error).toBe('Cancelled.');
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a file whose sha256 or size is wrong, or an HTTP error, and keeps nothing', async () => {
    const library = createModelLibrary({
      dir,
      suggested: [
        model({ id: 'bad-sha', sha256: '0'.repeat(64) }),
        model({ id: 'short', sizeBytes: BYTES.length + 10 }),
        model({ id: 'gone', url: `${base}/missing.gguf` }),
      ],
    });
    expect((await download(library, 'bad-sha')).at(-1)?.error).toMatch(/sha256 .* is not the expected one/);
    expect((await download(library, 'short')).at(-1)?.error).toMatch(/got 262144 of 262154 bytes/);
    expect((await download(library, 'gone')).at(-1)?.error).toMatch(/HTTP 404/);
    expect(await readdir(dir)).toEqual([]);
    expect(() => library.download('nope', () => undefined)).toThrow(/Unknown model/);
  });

  it('removes only .gguf files in its own folder', async () => {
    await writeFile(join(dir, 'notes.txt'), 'keep');
    const library = createModelLibrary({ dir, suggested: [] });
    await expect(library.remove('../elsewhere.gguf')).rejects.toThrow(/models folder/);
    await expect(library.remove('notes.txt')).rejects.toThrow(/models folder/);
    expect(await library.remove('absent.gguf')).toBe(false);
    expect(await readdir(dir)).toEqual(['notes.txt']);
  });
});
