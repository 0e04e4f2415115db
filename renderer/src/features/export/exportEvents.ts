/**
 * Window events the export controls answer. Dispatched by the keyboard shortcuts
 * (features/shortcuts): `window.dispatchEvent(new CustomEvent(COPY_AS_CURL_EVENT))`.
 */
export const COPY_AS_CURL_EVENT = 'playground:copy-as-curl';
