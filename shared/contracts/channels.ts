/** The only IPC channel names. Electron: one invoke handle, one event channel. */
export const INVOKE_CHANNEL = 'app:invoke';
export const EVENT_CHANNEL = 'app:event';
/** Browser mode: the WebSocket path on the loopback host. */
export const WEBSOCKET_PATH = '/api';
