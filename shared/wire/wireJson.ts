import { portableBase64, type Base64Codec } from './base64';

/**
 * JSON for the browser-mode WebSocket that keeps typed arrays (token batches are typed-array columns,
 * see shared/logprobs/packedTokens.ts): each becomes `{"$typed": kind, "data": base64 of its bytes}`,
 * far smaller and faster to read than a JSON array of numbers. Both ends run on the same machine, so
 * the bytes are in its byte order. Objects of exactly that shape are the only ones turned back into
 * typed arrays; text without the tag is parsed without a reviver.
 */
export const TYPED_TAG = '$typed';

const KINDS = {
  Int32Array,
  Uint16Array,
  Uint8Array,
  Float32Array,
  Float64Array,
} as const;
type Kind = keyof typeof KINDS;

const isKind = (value: unknown): value is Kind =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(KINDS, value);

function kindOf(value: unknown): Kind | null {
  if (!ArrayBuffer.isView(value)) return null;
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  return isKind(tag) ? tag : null;
}

export function stringifyWire(value: unknown, base64: Base64Codec = portableBase64): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    const kind = kindOf(item);
    if (!kind || !ArrayBuffer.isView(item)) return item;
    return {
      [TYPED_TAG]: kind,
      data: base64.encode(new Uint8Array(item.buffer, item.byteOffset, item.byteLength)),
    };
  });
}

function revive(_key: string, item: unknown, base64: Base64Codec): unknown {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
  const record = item as Record<string, unknown>;
  const kind = record[TYPED_TAG];
  const data = record.data;
  if (!isKind(kind) || typeof data !== 'string' || Object.keys(record).length !== 2) return item;
  const bytes = base64.decode(data);
  const buffer = bytes.buffer as ArrayBuffer;
  const Constructor = KINDS[kind];
  if (bytes.byteLength % Constructor.BYTES_PER_ELEMENT !== 0)
    throw new Error(`${kind} data is not a whole number of elements`);
  return new Constructor(buffer, bytes.byteOffset, bytes.byteLength / Constructor.BYTES_PER_ELEMENT);
}

/** JSON.parse that restores the typed arrays `stringifyWire` encoded. Throws like JSON.parse on bad text. */
export function parseWire(text: string, base64: Base64Codec = portableBase64): unknown {
  if (!text.includes(`"${TYPED_TAG}"`)) return JSON.parse(text);
  return JSON.parse(text, (key, item: unknown) => revive(key, item, base64));
}
