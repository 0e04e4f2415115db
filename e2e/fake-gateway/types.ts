/** One HTTP request as the fake gateway received it (tests use these to check what the app sent). */
export interface RecordedRequest {
  method: string;
  /** The request target as sent, including any query string (e.g. `/v1/models?provider=openai`). */
  path: string;
  /** Lower-case header names; repeated headers are joined with ", ". */
  headers: Record<string, string>;
  /** The raw body, decoded as UTF-8 ('' when there was none). */
  body: string;
}

export interface FakeGatewayOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Streaming speed; 0 or unset = unlimited. Request header `x-fake-tokens-per-second` overrides it. */
  tokensPerSecond?: number;
  /** When set, inference and model-list requests need `x-bf-vk: <key>` or `Authorization: Bearer <key>`. */
  requiredKey?: string;
  /** Keep every request in `requests` (default true; the CLI turns it off so long sessions do not grow). */
  recordRequests?: boolean;
}

/** What the gateway has answered: `open` = `started` − `closed` (its own `/__fake/` routes excluded). */
export interface ResponseCounts {
  open: number;
  started: number;
  closed: number;
}

export interface FakeGateway {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** Ends open streams and held connections, then stops listening. */
  close(): Promise<void>;
  requests: RecordedRequest[];
  setTokensPerSecond(n: number): void;
  /** Streams and held responses that are still open (0 once every client has gone away). */
  openResponses(): number;
  /** Responses open now, and started / closed since the gateway started (`GET /__fake/open-requests`). */
  responseCounts(): ResponseCounts;
}

/** `provider/model` split at the first slash (`vertex/meta/llama` → provider `vertex`, model `meta/llama`). */
export interface ModelRef {
  provider: string;
  model: string;
  /** The caller's spelling, `provider/model`. */
  id: string;
}
