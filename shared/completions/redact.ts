/** Replaces every occurrence of each secret (length >= 4) in text by `<redacted>`. */
export function redactSecrets(_text: string, _secrets: ReadonlyArray<string | undefined>): string {
  throw new Error('not implemented');
}
