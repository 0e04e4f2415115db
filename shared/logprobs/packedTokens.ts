import type { TokenColumns } from '../contracts/runs';

/**
 * A batch of tokens with logprobs as the main process sends it to the renderer: typed-array columns
 * and one string table, no object per token. Row k of every per-token column describes one token.
 *
 * - `strings`: the distinct texts of this batch (tokens and alternatives); `text` and `topText` index it.
 * - per token (n): `choice`, `text`, `logprob` (NaN = null), `offset` (-1 = null), `flags`
 *   (HAS_TOP: alternatives were returned, even none; HAS_BYTES: the provider sent `bytes`).
 * - `topStart` (n + 1): token k's alternatives are topStart[k] .. topStart[k+1] of `topText` and
 *   `topLogprob` (single precision: enough for display and ranking, half the bytes).
 * - `bytesStart` (n + 1): token k's UTF-8 bytes are bytesStart[k] .. bytesStart[k+1] of `bytes`;
 *   empty when the batch has no bytes at all (every range is then empty).
 * - Index columns are as narrow as the batch allows: `text` and `topText` are 16-bit while the string
 *   table has at most 65,536 entries, `choice` is 8-bit while every choice is below 256. A 100,000-token
 *   batch with top-5 alternatives is then 72% of its all-32-bit size, and every byte counts twice in
 *   browser mode (base64, then Chromium's WebSocket receive on the renderer's main thread).
 *
 * Electron's IPC carries typed arrays as they are (structured clone); the browser-mode WebSocket
 * encodes them as base64 (shared/wire/wireJson.ts).
 */
export interface PackedTokens {
  strings: string[];
  choice: ChoiceIds;
  text: StringIds;
  logprob: Float64Array;
  offset: Int32Array;
  flags: Uint8Array;
  topStart: Int32Array;
  topText: StringIds;
  topLogprob: Float32Array;
  bytesStart: Int32Array;
  bytes: Uint8Array;
}

/** Indexes into a batch's string table. */
export type StringIds = Uint16Array | Int32Array;
/** Choice indexes. */
export type ChoiceIds = Uint8Array | Int32Array;

/** The first `length` ids, 16-bit when every id fits (`limit` ≤ 65,536 distinct values). */
function narrowStringIds(ids: Int32Array, length: number, limit: number): StringIds {
  if (limit > 0x10000) return ids.slice(0, length);
  const narrow = new Uint16Array(length);
  narrow.set(ids.subarray(0, length));
  return narrow;
}

/** The first `length` choices, 8-bit when every one is below 256. */
function narrowChoices(choices: Int32Array, length: number): ChoiceIds {
  const used = choices.subarray(0, length);
  for (let row = 0; row < length; row++) if ((used[row] ?? 0) > 0xff) return choices.slice(0, length);
  const narrow = new Uint8Array(length);
  narrow.set(used);
  return narrow;
}

export const PACKED_HAS_TOP = 1;
export const PACKED_HAS_BYTES = 2;

type Growable = Int32Array | Float64Array | Float32Array | Uint8Array;

function grown<T extends Growable>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(
    Math.max(needed, Math.ceil(array.length * 1.5), 16),
  );
  next.set(array);
  return next;
}

/** The first `length` entries as an array of its own (a view would carry its whole buffer across IPC). */
const trimmed = <T extends Growable>(array: T, length: number): T => array.slice(0, length) as T;

/** Builds a PackedTokens batch row by row; `build()` returns it and starts the builder afresh. */
export class PackedTokensBuilder {
  private ids = new Map<string, number>();
  private strings: string[] = [];
  private count = 0;
  private topCount = 0;
  private byteCount = 0;
  private choice = new Int32Array(64);
  private text = new Int32Array(64);
  private logprob = new Float64Array(64);
  private offset = new Int32Array(64);
  private flags = new Uint8Array(64);
  private topStart = new Int32Array(65);
  private topText = new Int32Array(320);
  private topLogprob = new Float32Array(320);
  private bytesStart = new Int32Array(65);
  private bytes = new Uint8Array(0);

  get length(): number {
    return this.count;
  }

  add(
    choice: number,
    token: string,
    logprob: number | null,
    top: ReadonlyArray<readonly [string, number]> | null,
    bytes: ArrayLike<number> | null = null,
    offset: number | null = null,
  ): void {
    const row = this.count;
    if (row + 1 > this.choice.length) this.growRows(row + 1);
    this.choice[row] = choice;
    this.text[row] = this.intern(token);
    this.logprob[row] = logprob ?? NaN;
    this.offset[row] = offset === null || offset < 0 ? -1 : offset;
    let flags = 0;
    if (top) {
      flags |= PACKED_HAS_TOP;
      const end = this.topCount + top.length;
      this.topText = grown(this.topText, end);
      this.topLogprob = grown(this.topLogprob, end);
      for (const [alternative, alternativeLogprob] of top) {
        this.topText[this.topCount] = this.intern(alternative);
        this.topLogprob[this.topCount] = alternativeLogprob;
        this.topCount++;
      }
    }
    if (bytes) {
      flags |= PACKED_HAS_BYTES;
      this.bytes = grown(this.bytes, this.byteCount + bytes.length);
      for (let index = 0; index < bytes.length; index++)
        this.bytes[this.byteCount++] = (bytes[index] ?? 0) & 0xff;
    }
    this.flags[row] = flags;
    this.topStart[row + 1] = this.topCount;
    this.bytesStart[row + 1] = this.byteCount;
    this.count++;
  }

  build(): PackedTokens {
    const n = this.count;
    const packed: PackedTokens = {
      strings: this.strings,
      choice: narrowChoices(this.choice, n),
      text: narrowStringIds(this.text, n, this.strings.length),
      logprob: trimmed(this.logprob, n),
      offset: trimmed(this.offset, n),
      flags: trimmed(this.flags, n),
      topStart: trimmed(this.topStart, n + 1),
      topText: narrowStringIds(this.topText, this.topCount, this.strings.length),
      topLogprob: trimmed(this.topLogprob, this.topCount),
      bytesStart: this.byteCount === 0 ? new Int32Array(0) : trimmed(this.bytesStart, n + 1),
      bytes: trimmed(this.bytes, this.byteCount),
    };
    this.ids = new Map();
    this.strings = [];
    this.count = 0;
    this.topCount = 0;
    this.byteCount = 0;
    return packed;
  }

  private intern(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.ids.set(text, id);
    }
    return id;
  }

  private growRows(needed: number): void {
    this.choice = grown(this.choice, needed);
    const capacity = this.choice.length;
    this.text = grown(this.text, capacity);
    this.logprob = grown(this.logprob, capacity);
    this.offset = grown(this.offset, capacity);
    this.flags = grown(this.flags, capacity);
    this.topStart = grown(this.topStart, capacity + 1);
    this.bytesStart = grown(this.bytesStart, capacity + 1);
  }
}

/** Packs plain columns (e.g. a saved run's tokens). */
export function packColumns(columns: TokenColumns): PackedTokens {
  const builder = new PackedTokensBuilder();
  for (let row = 0; row < columns.token.length; row++) {
    builder.add(
      columns.choice[row] ?? 0,
      columns.token[row] ?? '',
      columns.logprob[row] ?? null,
      columns.top[row] ?? null,
      columns.bytes?.[row] ?? null,
      columns.offset?.[row] ?? null,
    );
  }
  return builder.build();
}

/** The tokens of a packed batch as plain columns (for JSON files such as the run history). */
export function unpackTokens(packed: PackedTokens): TokenColumns {
  const n = packed.text.length;
  const columns: Required<TokenColumns> = {
    choice: [],
    token: [],
    logprob: [],
    top: [],
    bytes: [],
    offset: [],
  };
  let anyBytes = false;
  let anyOffset = false;
  for (let row = 0; row < n; row++) {
    const flags = packed.flags[row] ?? 0;
    const logprob = packed.logprob[row] ?? NaN;
    const offset = packed.offset[row] ?? -1;
    columns.choice.push(packed.choice[row] ?? 0);
    columns.token.push(packed.strings[packed.text[row] ?? 0] ?? '');
    columns.logprob.push(Number.isNaN(logprob) ? null : logprob);
    let top: Array<[string, number]> | null = null;
    if (flags & PACKED_HAS_TOP) {
      top = [];
      for (let slot = packed.topStart[row] ?? 0; slot < (packed.topStart[row + 1] ?? 0); slot++)
        top.push([packed.strings[packed.topText[slot] ?? 0] ?? '', packed.topLogprob[slot] ?? NaN]);
    }
    columns.top.push(top);
    const bytes =
      flags & PACKED_HAS_BYTES
        ? Array.from(packed.bytes.subarray(packed.bytesStart[row] ?? 0, packed.bytesStart[row + 1] ?? 0))
        : null;
    columns.bytes.push(bytes);
    columns.offset.push(offset < 0 ? null : offset);
    anyBytes ||= bytes !== null;
    anyOffset ||= offset >= 0;
  }
  const { bytes, offset, ...required } = columns;
  return { ...required, ...(anyBytes ? { bytes } : {}), ...(anyOffset ? { offset } : {}) };
}

function rangesProblem(name: string, starts: Int32Array, rows: number, total: number): string | null {
  if (starts.length === 0 && total === 0) return null;
  if (starts.length !== rows + 1) return `${name} must have one entry more than the tokens`;
  if (starts[0] !== 0 || starts[rows] !== total) return `${name} must run from 0 to ${total}`;
  for (let row = 0; row < rows; row++)
    if ((starts[row + 1] ?? 0) < (starts[row] ?? 0)) return `${name} must not decrease`;
  return null;
}

function indexesProblem(name: string, ids: StringIds, limit: number): string | null {
  for (let index = 0; index < ids.length; index++) {
    const id = ids[index] ?? -1;
    if (id < 0 || id >= limit) return `${name} refers to a string that is not in the table`;
  }
  return null;
}

/** Why a packed batch is inconsistent (lengths, ranges, string indexes), or null when it is sound. O(n). */
export function packedTokensProblem(packed: PackedTokens): string | null {
  const rows = packed.text.length;
  for (const [name, column] of [
    ['choice', packed.choice],
    ['logprob', packed.logprob],
    ['offset', packed.offset],
    ['flags', packed.flags],
  ] as const) {
    if (column.length !== rows) return `${name} must have one entry per token`;
  }
  if (packed.topLogprob.length !== packed.topText.length) return 'topLogprob and topText differ in length';
  for (let row = 0; row < rows; row++)
    if ((packed.choice[row] ?? -1) < 0) return 'choice must not be negative';
  return (
    rangesProblem('topStart', packed.topStart, rows, packed.topText.length) ??
    rangesProblem('bytesStart', packed.bytesStart, rows, packed.bytes.length) ??
    indexesProblem('text', packed.text, packed.strings.length) ??
    indexesProblem('topText', packed.topText, packed.strings.length)
  );
}
