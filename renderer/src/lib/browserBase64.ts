import { portableBase64, type Base64Codec } from '@shared/wire/base64';

/** `Uint8Array.fromBase64` (Chromium 140+, native) where the engine has it. */
type NativeFromBase64 = (text: string) => Uint8Array;
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: NativeFromBase64 }).fromBase64;

/** The renderer only decodes typed arrays from the host; the native decoder when there is one. */
export const browserBase64: Base64Codec = {
  encode: portableBase64.encode,
  decode: nativeFromBase64 ? (text) => nativeFromBase64(text) : portableBase64.decode,
};
