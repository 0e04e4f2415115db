import { z } from 'zod';

/**
 * Messages between the app and the process or thread that hosts the built-in engine (an Electron
 * utility process, or a worker thread in browser mode). Both sides validate what they receive.
 */
export const engineHostRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    modelPath: z.string().min(1),
    threads: z.number().int().min(1).max(64),
  }),
  z.object({ type: z.literal('close') }),
]);
export type EngineHostRequest = z.infer<typeof engineHostRequestSchema>;

export const engineHostReplySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ready'),
    url: z.url(),
    token: z.string().min(16),
    /** Where the engine runs: its process, and its thread (0 = that process's main thread). */
    pid: z.number().int(),
    threadId: z.number().int(),
  }),
  z.object({ type: z.literal('failed'), message: z.string() }),
  z.object({ type: z.literal('closed') }),
]);
export type EngineHostReply = z.infer<typeof engineHostReplySchema>;

/** What the app needs of the engine's host: a message channel and a way to end it. */
export interface EngineChild {
  postMessage(message: EngineHostRequest): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process or thread has ended, for whatever reason. */
  onExit(listener: (code: number | null) => void): void;
  /** Ends it at once (after `close` was not answered in time, or on a failed start). */
  kill(): void;
}
