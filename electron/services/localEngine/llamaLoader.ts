import { basename } from 'node:path';
import type { Llama, LlamaContext, LlamaContextSequence, LlamaModel, Token } from 'node-llama-cpp';
import type { TokenVocabulary } from './tokenPieces';

export interface LoadOptions {
  modelPath: string;
  /**
   * CPU threads for llama.cpp. Default 1: the library's default (4) oversubscribes small machines and
   * stalls generation (600 ms per token on 2 vCPUs), and even 2 is 20x slower than 1 for tiny models.
   */
  threads?: number;
  /** Default: the model's training context, at most 4096. */
  contextSize?: number;
}

/** One model with one context and one sequence, loaded from the prebuilt CPU binary. */
export interface LoadedModel {
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  sequence: LlamaContextSequence;
  /** The model's name: the file name without `.gguf`. */
  modelId: string;
  contextSize: number;
  vocabulary: TokenVocabulary;
  /** BOS when the model wants it prepended, else null. */
  bos: number | null;
  dispose(): Promise<void>;
}

const MAX_DEFAULT_CONTEXT = 4096;

/**
 * Which prebuilt llama.cpp binary to ask for: the CPU build everywhere, except on Apple Silicon
 * where node-llama-cpp ships only the Metal build (asking for `false` there finds no binary).
 * GPU builds for Linux and Windows (CUDA, Vulkan) are not packaged.
 */
export function llamaGpuFor(platform: NodeJS.Platform, arch: string): false | 'metal' {
  return platform === 'darwin' && arch === 'arm64' ? 'metal' : false;
}

/**
 * Loads a GGUF model. node-llama-cpp is imported here, lazily, so the app starts without loading
 * llama.cpp until a local profile is used. Never builds or downloads anything: without a prebuilt
 * binary for this machine it throws (NoBinaryFoundError).
 */
export async function loadLlamaModel(options: LoadOptions): Promise<LoadedModel> {
  const threads = options.threads ?? 1;
  const { getLlama, LlamaLogLevel } = await import('node-llama-cpp');
  const llama = await getLlama({
    gpu: llamaGpuFor(process.platform, process.arch),
    build: 'never',
    skipDownload: true,
    logLevel: LlamaLogLevel.error,
    maxThreads: threads,
  });
  try {
    const model = await llama.loadModel({ modelPath: options.modelPath });
    const contextSize = options.contextSize ?? Math.min(model.trainContextSize || 2048, MAX_DEFAULT_CONTEXT);
    const context = await model.createContext({ contextSize, sequences: 1, threads });
    const sequence = context.getSequence();
    const bos = model.tokens.shouldPrependBosToken ? model.tokens.bos : null;
    return {
      llama,
      model,
      context,
      sequence,
      modelId: basename(options.modelPath).replace(/\.gguf$/i, ''),
      contextSize: context.contextSize,
      vocabulary: vocabularyOf(model),
      bos,
      async dispose() {
        await context.dispose();
        await model.dispose();
        await llama.dispose();
      },
    };
  } catch (error) {
    await llama.dispose();
    throw error;
  }
}

function vocabularyOf(model: LlamaModel): TokenVocabulary {
  const tokenizer: unknown = (model.fileInfo.metadata as { tokenizer?: { ggml?: unknown } }).tokenizer?.ggml;
  const fields =
    typeof tokenizer === 'object' && tokenizer !== null ? (tokenizer as Record<string, unknown>) : {};
  const texts = Array.isArray(fields.tokens)
    ? fields.tokens.map((text: unknown) => (typeof text === 'string' ? text : ''))
    : undefined;
  return {
    decode: (tokens, lastTokens) =>
      model.detokenize(tokens as readonly Token[], false, lastTokens as readonly Token[]),
    texts,
    byteLevel: fields.model === 'gpt2',
  };
}
