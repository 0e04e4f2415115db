/**
 * Looking for a secret in text or bytes, in every form it could take on the way: as is, JSON-escaped,
 * URL-encoded, base64 / base64url (at each of the three byte alignments, so it is found inside a
 * longer encoded string too) and its last characters (what a "masked" key still shows).
 */

/** How many trailing characters of the secret are searched on their own. */
export const TAIL_LENGTH = 12;

export interface SecretForm {
  /** What this form is, for the report ("base64, offset 1"). */
  name: string;
  text: string;
}

/**
 * The base64 text that the bytes of `secret` always produce when they sit at `offset` (0–2) bytes
 * into a longer encoded value: the characters that also depend on the neighbouring bytes are cut off.
 */
function alignedBase64(secret: string, offset: number, url: boolean): string {
  const bytes = Buffer.concat([Buffer.alloc(offset), Buffer.from(secret, 'utf8')]);
  const encoded = bytes.toString(url ? 'base64url' : 'base64').replace(/=+$/, '');
  // Leading characters mixing padding bytes and secret bytes, trailing ones mixing secret and what follows.
  const skip = Math.ceil((offset * 8) / 6);
  const keep = Math.floor((bytes.length * 8) / 6);
  return encoded.slice(skip, keep);
}

export function secretForms(secret: string): SecretForm[] {
  const forms: SecretForm[] = [
    { name: 'as is', text: secret },
    { name: 'JSON-escaped', text: JSON.stringify(secret).slice(1, -1) },
    { name: 'URL-encoded', text: encodeURIComponent(secret) },
    { name: `last ${TAIL_LENGTH} characters`, text: secret.slice(-TAIL_LENGTH) },
  ];
  for (const url of [false, true]) {
    for (const offset of [0, 1, 2]) {
      forms.push({
        name: `${url ? 'base64url' : 'base64'}, offset ${offset}`,
        text: alignedBase64(secret, offset, url),
      });
    }
  }
  const seen = new Set<string>();
  return forms.filter((form) => (seen.has(form.text) ? false : (seen.add(form.text), true)));
}

/** The forms of the secret found in `haystack` (text, or bytes searched as they are). */
export function formsFound(haystack: string | Buffer, forms: readonly SecretForm[]): string[] {
  return forms
    .filter((form) =>
      typeof haystack === 'string' ? haystack.includes(form.text) : haystack.includes(Buffer.from(form.text)),
    )
    .map((form) => form.name);
}

/** One place searched: what was found there, and whether the known-present marker was found (the search works). */
export interface PlaceResult {
  place: string;
  found: string[];
  /** Size of what was searched (characters or bytes), for the report. */
  size: number;
  markerFound: boolean;
}

/** Searches one place for the secret's forms and for a marker known to be there. */
export function searchPlace(
  place: string,
  haystack: string | Buffer,
  forms: readonly SecretForm[],
  marker: string,
): PlaceResult {
  const markerFound =
    typeof haystack === 'string' ? haystack.includes(marker) : haystack.includes(Buffer.from(marker));
  return { place, found: formsFound(haystack, forms), size: haystack.length, markerFound };
}
