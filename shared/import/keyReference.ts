/** What a credential header of a pasted command holds. */
export type KeyReference =
  /** A variable reference ($VAR, ${VAR}, %VAR%, $env:VAR): the profile can read the key from VAR. */
  | { kind: 'env'; envVar: string }
  /** A placeholder such as `<key>` or `YOUR_API_KEY`: no key to take over. */
  | { kind: 'placeholder' }
  /** The key itself: to be offered for the key store, never kept in profile headers. */
  | { kind: 'literal'; key: string }
  /** A value the app cannot send as its key (e.g. `Authorization: Basic …`). */
  | { kind: 'unsupported'; reason: string };

const ENV_REFERENCE = [
  /^\$([A-Za-z_]\w*)$/,
  /^\$\{([A-Za-z_]\w*)\}$/,
  /^%([A-Za-z_]\w*)%$/,
  /^\$env:([A-Za-z_]\w*)$/i,
  /^\$\{env:([A-Za-z_]\w*)\}$/i,
];

/**
 * Reads the key out of a credential header value. For `Authorization`, the `Bearer ` scheme is
 * expected and removed; other credential headers carry the key alone.
 */
export function readKeyReference(headerName: string, value: string): KeyReference {
  let key = value.trim();
  if (headerName.toLowerCase() === 'authorization') {
    const bearer = /^Bearer\s+(.*)$/i.exec(key);
    if (!bearer) {
      const scheme = key.split(/\s/)[0] ?? '';
      return {
        kind: 'unsupported',
        reason: `Authorization uses the ${scheme} scheme; only Bearer keys are supported.`,
      };
    }
    key = (bearer[1] ?? '').trim();
  }
  for (const pattern of ENV_REFERENCE) {
    const match = pattern.exec(key);
    if (match?.[1] !== undefined) return { kind: 'env', envVar: match[1] };
  }
  if (key === '' || isPlaceholder(key)) return { kind: 'placeholder' };
  return { kind: 'literal', key };
}

/** `<key>`, `<YOUR_API_KEY>`, `YOUR_API_KEY`, `your-key-here`, `...`: documentation stand-ins. */
function isPlaceholder(key: string): boolean {
  return (
    /^<[^>]*>$/.test(key) ||
    /^\{\{?[^}]*\}\}?$/.test(key) ||
    /^(?:your|my)[-_ ]/i.test(key) ||
    /[-_ ]here$/i.test(key) ||
    /^[.*x]+$/i.test(key)
  );
}
