import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type {
  DownloadProgress,
  InstalledModel,
  ModelLibrary,
  SuggestedModel,
} from '@shared/contracts/localModels';

/** The small model offered to new users: llama.cpp's own CI model (karpathy's TinyStories 260K). */
export const SUGGESTED_MODELS: readonly SuggestedModel[] = [
  {
    id: 'stories260K',
    name: 'TinyStories 260K',
    description:
      "A 1.1 MB test model that writes simple children's stories: enough to see streaming, logprobs and the heatmap work offline.",
    url: 'https://huggingface.co/ggml-org/models/resolve/main/tinyllamas/stories260K.gguf',
    file: 'stories260K.gguf',
    sizeBytes: 1_185_376,
    sha256: '270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d',
  },
];

/** At most this often a progress event (plus the final one). */
const PROGRESS_INTERVAL_MS = 100;

export interface ModelLibraryService {
  list(): Promise<ModelLibrary>;
  /** Starts a download; `onProgress` gets progress and exactly one final event (done or error). */
  download(suggestedId: string, onProgress: (progress: DownloadProgress) => void): { downloadId: string };
  cancel(downloadId: string): boolean;
  remove(file: string): Promise<boolean>;
  /** Cancels every download (shutdown). */
  cancelAll(): void;
}

export interface ModelLibraryOptions {
  dir: string;
  /** Default: global fetch, following redirects (Hugging Face serves files from a CDN; no key is sent). */
  fetch?: (url: string, init: { signal: AbortSignal }) => Promise<Response>;
  suggested?: readonly SuggestedModel[];
  now?: () => number;
}

/**
 * The suggested models with their URLs moved to a mirror: `mirror` replaces `https://huggingface.co/`
 * (for networks that cannot reach Hugging Face; the sha256 check still applies).
 */
export function suggestedModels(mirror: string | undefined): readonly SuggestedModel[] {
  if (!mirror) return SUGGESTED_MODELS;
  const base = mirror.endsWith('/') ? mirror : `${mirror}/`;
  return SUGGESTED_MODELS.map((model) => ({
    ...model,
    url: model.url.replace('https://huggingface.co/', base),
  }));
}

const isModelFile = (file: string): boolean => /^[^/\\]+\.gguf$/i.test(file) && basename(file) === file;

export function createModelLibrary(options: ModelLibraryOptions): ModelLibraryService {
  const suggested = options.suggested ?? SUGGESTED_MODELS;
  const now = options.now ?? (() => Date.now());
  const running = new Map<string, AbortController>();

  const installed = async (): Promise<InstalledModel[]> => {
    let files: string[];
    try {
      files = await readdir(options.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const models: InstalledModel[] = [];
    for (const file of files.filter(isModelFile).sort()) {
      const path = join(options.dir, file);
      const info = await stat(path).catch(() => null);
      if (info?.isFile()) models.push({ file, path, sizeBytes: info.size });
    }
    return models;
  };

  async function fetchToFile(model: SuggestedModel, signal: AbortSignal, report: (received: number) => void) {
    await mkdir(options.dir, { recursive: true, mode: 0o700 });
    const partial = join(options.dir, `${model.file}.part`);
    const response = await (options.fetch ?? globalThis.fetch)(model.url, { signal });
    if (!response.ok || !response.body) throw new Error(`the server answered HTTP ${response.status}`);
    const hash = createHash('sha256');
    const out = createWriteStream(partial, { mode: 0o600 });
    // A write error (disk full…) is read after the loop; the listener keeps it from being unhandled.
    let writeError: Error | null = null;
    out.on('error', (error) => (writeError ??= error));
    let received = 0;
    try {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.byteLength;
        if (received > model.sizeBytes)
          throw new Error(`the file is larger than the expected ${model.sizeBytes} bytes`);
        hash.update(value);
        if (writeError) throw writeError;
        if (!out.write(value)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        report(received);
      }
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
      if (received !== model.sizeBytes) throw new Error(`got ${received} of ${model.sizeBytes} bytes`);
      const digest = hash.digest('hex');
      if (digest !== model.sha256)
        throw new Error(`the file's sha256 (${digest.slice(0, 12)}…) is not the expected one`);
      const path = join(options.dir, model.file);
      await rename(partial, path);
      return { file: model.file, path, sizeBytes: received };
    } catch (error) {
      out.destroy();
      await rm(partial, { force: true });
      throw error;
    }
  }

  return {
    async list() {
      return { dir: options.dir, installed: await installed(), suggested: [...suggested] };
    },
    download(suggestedId, onProgress) {
      const model = suggested.find((candidate) => candidate.id === suggestedId);
      if (!model) throw new Error(`Unknown model: ${suggestedId}`);
      const downloadId = randomUUID();
      const controller = new AbortController();
      running.set(downloadId, controller);
      const base = { downloadId, suggestedId, totalBytes: model.sizeBytes };
      let lastReport = 0;
      const report = (receivedBytes: number) => {
        if (now() - lastReport < PROGRESS_INTERVAL_MS) return;
        lastReport = now();
        onProgress({ ...base, receivedBytes });
      };
      fetchToFile(model, controller.signal, report)
        .then(
          (done) => onProgress({ ...base, receivedBytes: done.sizeBytes, done }),
          (error: unknown) =>
            onProgress({
              ...base,
              receivedBytes: 0,
              error: controller.signal.aborted
                ? 'Cancelled.'
                : `The download failed: ${error instanceof Error ? error.message : String(error)}`,
            }),
        )
        .finally(() => running.delete(downloadId));
      return { downloadId };
    },
    cancel(downloadId) {
      const controller = running.get(downloadId);
      controller?.abort();
      return controller !== undefined;
    },
    async remove(file) {
      if (!isModelFile(file)) throw new Error('Only .gguf files in the models folder can be removed');
      try {
        await rm(join(options.dir, file));
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
    },
    cancelAll() {
      for (const controller of running.values()) controller.abort();
    },
  };
}
