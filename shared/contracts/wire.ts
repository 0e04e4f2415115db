import { z } from 'zod';
import { routeErrorSchema } from './api';

/**
 * Envelopes used by both transports. The invoke reply is a value, never a thrown error,
 * so that a failure crosses Electron IPC and the WebSocket the same way.
 */
export const invokeReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), output: z.unknown() }),
  z.object({ ok: z.literal(false), error: routeErrorSchema }),
]);
export type InvokeReply = z.infer<typeof invokeReplySchema>;

export const eventEnvelopeSchema = z.object({ name: z.string(), payload: z.unknown() });
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

/** Browser mode, client → host. */
export const wsClientMessageSchema = z.object({
  type: z.literal('invoke'),
  id: z.number().int().min(0),
  name: z.string(),
  input: z.unknown(),
});
export type WsClientMessage = z.infer<typeof wsClientMessageSchema>;

/** Browser mode, host → client. */
export const wsHostMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reply'), id: z.number().int(), reply: invokeReplySchema }),
  z.object({ type: z.literal('event'), event: eventEnvelopeSchema }),
]);
export type WsHostMessage = z.infer<typeof wsHostMessageSchema>;
