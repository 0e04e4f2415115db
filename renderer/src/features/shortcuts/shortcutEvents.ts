export { COPY_AS_CURL_EVENT } from '../export/exportEvents';

/**
 * Dispatched on `window` by Ctrl/Cmd+H; the history panel (features/history) listens and opens:
 * `window.addEventListener(OPEN_HISTORY_EVENT, open)`. Any other way to open it may dispatch it too.
 */
export const OPEN_HISTORY_EVENT = 'playground:open-history';
