/** Helpers for the fake gateway's own tests: a strict SSE reader and the wire types they check. */

export interface SseFrame {
  event: string | undefined;
  data: string;
}

export interface ParsedSse {
  /** Comment lines (": heartbeat" → "heartbeat"), in order. */
  comments: string[];
  frames: SseFrame[];
  /** Whether the text ended exactly after a complete frame. */
  complete: boolean;
}

/** Parses SSE text per the spec's line rules (comments, `event:`, multi-line `data:`, blank line dispatch). */
export function parseSse(text: string): ParsedSse {
  const comments: string[] = [];
  const frames: SseFrame[] = [];
  let event: string | undefined;
  let data: string[] = [];
  const lines = text.split('\n');
  const complete = text.endsWith('\n\n');
  for (const line of complete ? lines : lines.slice(0, -1)) {
    if (line === '') {
      if (data.length > 0) frames.push({ event, data: data.join('\n') });
      event = undefined;
      data = [];
    } else if (line.startsWith(':')) {
      comments.push(line.slice(1).trim());
    } else if (line.startsWith('event:')) {
      event = line.slice(6).trim();
    } else if (line.startsWith('data:')) {
      data.push(line.slice(5).replace(/^ /, ''));
    }
  }
  return { comments, frames, complete };
}

export interface WireLegacyLogprobs {
  tokens: string[];
  token_logprobs: Array<number | null>;
  top_logprobs: Array<Record<string, number> | null>;
  text_offset: number[];
}

export interface WireContentLogprob {
  token: string;
  logprob: number | null;
  bytes: number[];
  top_logprobs: Array<{ token: string; logprob: number; bytes: number[] }>;
}

export interface WireChoice {
  index: number;
  text?: string;
  finish_reason: string | null;
  logprobs?: (WireLegacyLogprobs & { content?: WireContentLogprob[] }) | null;
  log_probs?: WireLegacyLogprobs;
}

export interface WireUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface WireCompletion {
  id: string;
  object: string;
  created: number;
  model: string;
  system_fingerprint: string;
  choices: WireChoice[];
  usage: WireUsage | null;
  extra_fields: Record<string, unknown> & { routing_info?: Record<string, unknown> };
}

export interface WireError {
  type?: string;
  is_bifrost_error: boolean;
  status_code: number;
  error: { type?: string; code?: string; message: string; param?: string };
  extra_fields?: Record<string, unknown>;
}

export function post(
  baseUrl: string,
  body: unknown,
  headers: Record<string, string> = {},
  path = '/v1/completions',
  signal?: AbortSignal,
): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal,
  });
}

/** The `x-bifrost-*` headers of a response. */
export function bifrostHeadersOf(response: Response): Record<string, string> {
  const result: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name.startsWith('x-bifrost-')) result[name] = value;
  });
  return result;
}

/** Reads a streamed body until `until(textSoFar)` is true; returns the text read. */
export async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  until: (text: string) => boolean,
): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  while (!until(text)) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

/** Polls `check` every 10 ms for up to `ms`; resolves with its last value. */
export async function eventually(check: () => boolean, ms = 2000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  return check();
}
