/** Shortest secret that is redacted: shorter strings would blank out ordinary text. */
export const MIN_SECRET_LENGTH = 4;
export const REDACTED = '<redacted>';

/**
 * Replaces every occurrence of each secret (length >= 4) in text by `<redacted>`, also in its
 * JSON-escaped and URL-encoded forms (a key echoed inside a JSON body or a query string).
 * Plain string replacement: a secret is never used as a pattern.
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1));
    forms.add(encodeURIComponent(secret));
  }
  // Longest first, so a secret that contains another is replaced whole.
  const ordered = [...forms]
    .filter((form) => form.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  let result = text;
  for (const form of ordered) result = result.split(form).join(REDACTED);
  return result;
}
