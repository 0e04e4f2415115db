import type { Base64Codec } from '@shared/wire/base64';

/** Node's native base64 (several times faster than the portable one) for the wire's typed arrays. */
export const nodeBase64: Base64Codec = {
  encode: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  decode: (text) => {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw new Error('Not base64');
    return new Uint8Array(Buffer.from(text, 'base64'));
  },
};
