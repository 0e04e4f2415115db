import type { AppApi } from '@shared/contracts/api';
import { createWsClient, webSocketUrl, type ConnectionMonitor } from './wsClient';

/**
 * The only module that reads `window.api`. In Electron the preload exposes it; in browser mode it is
 * absent and the renderer talks to the loopback host over a WebSocket instead (same contract).
 */
export type Transport = 'electron' | 'browser';

function isAppApi(value: unknown): value is AppApi {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.invoke === 'function' && typeof candidate.on === 'function';
}

const alwaysOpen: ConnectionMonitor = { getStatus: () => 'open', subscribe: () => () => {} };

function createApi(): { api: AppApi; transport: Transport; connection: ConnectionMonitor } {
  const injected: unknown = Reflect.get(window, 'api');
  if (isAppApi(injected)) return { api: injected, transport: 'electron', connection: alwaysOpen };
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const client = createWsClient({ url: webSocketUrl(window.location, token) });
  return { api: client, transport: 'browser', connection: client };
}

export const { api, transport, connection } = createApi();
