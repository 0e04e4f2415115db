import type { TokenColumns } from '../contracts/runs';
import type { NormalizedToken } from '../completions/normalize';
import { PACKED_HAS_BYTES, PACKED_HAS_TOP, type PackedTokens } from './packedTokens';
import { StringInterner } from './stringInterner';

/** Read access to one choice's tokens, without per-token objects. Implemented by TokenStore. */
export interface TokenSource {
  readonly length: number;
  tokenAt(index: number): string;
  /** null for a token without a logprob (the first echoed prompt token). */
  logprobAt(index: number): number | null;
  offsetAt(index: number): number | null;
  bytesAt(index: number): number[] | null;
  /** Whether alternatives were returned for the token (an empty list counts as returned). */
  hasTop(index: number): boolean;
  /** Number of alternatives; 0 when none were returned. Most likely first. */
  topCountAt(index: number): number;
  topTokenAt(index: number, rank: number): string;
  topLogprobAt(index: number, rank: number): number;
}

export interface TokenStoreOptions {
  /** Tokens to make room for up front (default 64). */
  initialCapacity?: number;
  /** Shared string table; by default each store has its own. */
  interner?: StringInterner;
  /**
   * The choice starts with the echoed prompt: its first token has no logprob. Azure sends 0 there
   * (with no alternatives) instead of null; with this set, that 0 is stored as null.
   */
  echo?: boolean;
}

const GROWTH = 1.5;
const HAS_TOP = 1;
const HAS_BYTES = 2;

function grown<T extends Float64Array | Float32Array | Int32Array | Uint8Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const capacity = Math.max(needed, Math.ceil(array.length * GROWTH), 8);
  const next = new (array.constructor as new (length: number) => T)(capacity);
  next.set(array);
  return next;
}

/**
 * One choice's tokens, column-wise and append-only, for the heatmap: typed arrays that grow by 1.5×
 * (appends are amortised O(1)), interned token texts, alternatives stored flat. Nothing is an object
 * per token; `topAt` builds the alternatives list only when asked.
 *
 * Layout (n tokens, m alternatives in total): logprob Float64 (NaN = null), offset Int32 (-1 = null),
 * token text id Int32, flags Uint8, topStart Int32 (n + 1, token i's alternatives are
 * topStart[i]..topStart[i+1]), alternative text id Int32 and logprob Float32 (m each); UTF-8 `bytes`
 * (content[] shape) in a flat Uint8Array with bytesStart Int32 (n + 1), allocated only once a token
 * carries bytes. Alternative logprobs are single precision (~7 digits): enough for display and ranking.
 */
export class TokenStore implements TokenSource {
  private count = 0;
  private logprobs: Float64Array;
  private offsets: Int32Array;
  private textIds: Int32Array;
  private flags: Uint8Array;
  private topStart: Int32Array;
  private topIds: Int32Array;
  private topLogprobs: Float32Array;
  private topCount = 0;
  private bytesStart: Int32Array | null = null;
  private byteData: Uint8Array | null = null;
  private byteCount = 0;
  readonly interner: StringInterner;
  private readonly echo: boolean;

  constructor(options: TokenStoreOptions = {}) {
    const capacity = Math.max(1, options.initialCapacity ?? 64);
    this.logprobs = new Float64Array(capacity);
    this.offsets = new Int32Array(capacity);
    this.textIds = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.topStart = new Int32Array(capacity + 1);
    this.topIds = new Int32Array(capacity * 5);
    this.topLogprobs = new Float32Array(capacity * 5);
    this.interner = options.interner ?? new StringInterner();
    this.echo = options.echo ?? false;
  }

  get length(): number {
    return this.count;
  }

  /**
   * Appends the rows of a batch that belong to `choice` (all rows when `choice` is undefined, for
   * columns already filtered to one choice). Returns how many tokens were appended.
   */
  appendColumns(columns: TokenColumns, choice?: number): number {
    let appended = 0;
    for (let row = 0; row < columns.token.length; row++) {
      if (choice !== undefined && columns.choice[row] !== choice) continue;
      this.appendRow(columns, row);
      appended++;
    }
    return appended;
  }

  /** Appends row `row` of a TokenColumns batch, whatever its choice. */
  appendRow(columns: TokenColumns, row: number): void {
    this.append(
      columns.token[row] ?? '',
      columns.logprob[row] ?? null,
      columns.top[row] ?? null,
      columns.bytes?.[row] ?? null,
      columns.offset?.[row] ?? null,
    );
  }

  /**
   * Appends rows `from`..`to`-1 of a packed batch (all of them this store's choice, whatever their
   * `choice` column says); `ids[k]` is this store's interned id of `packed.strings[k]` (see
   * `internStrings`). The columns grow once and the numeric ranges are copied with `set`; only the
   * string ids are mapped one by one, and no per-token objects are built. A 100,000-token response
   * lands in one call.
   */
  appendPackedRows(packed: PackedTokens, from: number, to: number, ids: Int32Array): void {
    const rows = to - from;
    if (rows <= 0) return;
    const index = this.count;
    if (index + rows > this.logprobs.length) this.growRows(index + rows);
    this.logprobs.set(packed.logprob.subarray(from, to), index);
    this.offsets.set(packed.offset.subarray(from, to), index);
    let anyBytes = false;
    for (let row = 0; row < rows; row++) {
      const packedFlags = packed.flags[from + row] ?? 0;
      this.textIds[index + row] = ids[packed.text[from + row] ?? 0] ?? 0;
      this.flags[index + row] =
        (packedFlags & PACKED_HAS_TOP ? HAS_TOP : 0) | (packedFlags & PACKED_HAS_BYTES ? HAS_BYTES : 0);
      anyBytes ||= (packedFlags & PACKED_HAS_BYTES) !== 0;
    }
    if (this.echo && index === 0 && this.logprobs[0] === 0 && ((this.flags[0] ?? 0) & HAS_TOP) === 0)
      this.logprobs[0] = NaN;
    const topFrom = packed.topStart[from] ?? 0;
    const topTo = packed.topStart[to] ?? topFrom;
    const topBase = this.topCount;
    this.topIds = grown(this.topIds, topBase + (topTo - topFrom));
    this.topLogprobs = grown(this.topLogprobs, topBase + (topTo - topFrom));
    for (let slot = topFrom; slot < topTo; slot++)
      this.topIds[topBase + slot - topFrom] = ids[packed.topText[slot] ?? 0] ?? 0;
    this.topLogprobs.set(packed.topLogprob.subarray(topFrom, topTo), topBase);
    for (let row = 0; row < rows; row++)
      this.topStart[index + row + 1] = topBase + (packed.topStart[from + row + 1] ?? topFrom) - topFrom;
    this.topCount = topBase + (topTo - topFrom);
    if (anyBytes) {
      const bytesFrom = packed.bytesStart[from] ?? 0;
      const bytesTo = packed.bytesStart[to] ?? bytesFrom;
      const byteBase = this.byteCount;
      this.appendBytes(packed.bytes.subarray(bytesFrom, bytesTo));
      const starts = this.bytesStart;
      if (starts)
        for (let row = 0; row < rows; row++)
          starts[index + row + 1] = byteBase + (packed.bytesStart[from + row + 1] ?? bytesFrom) - bytesFrom;
    } else if (this.bytesStart) {
      this.bytesStart.fill(this.byteCount, index + 1, index + rows + 1);
    }
    this.count += rows;
  }

  /** This store's string ids for a packed batch's string table (for `appendPackedRows`). */
  internStrings(strings: readonly string[]): Int32Array {
    const ids = new Int32Array(strings.length);
    strings.forEach((text, k) => (ids[k] = this.interner.intern(text)));
    return ids;
  }

  /** Appends tokens as normalizeCompletion returns them (a whole non-streamed choice). */
  appendTokens(tokens: readonly NormalizedToken[]): void {
    for (const token of tokens) this.append(token.token, token.logprob, token.top, token.bytes, token.offset);
  }

  append(
    token: string,
    logprob: number | null,
    top: ReadonlyArray<readonly [string, number]> | null,
    bytes: readonly number[] | null = null,
    offset: number | null = null,
  ): void {
    const index = this.count;
    if (index + 1 > this.logprobs.length) this.growRows(index + 1);
    const echoedFirst = this.echo && index === 0 && logprob === 0 && top === null;
    this.logprobs[index] = logprob === null || echoedFirst ? NaN : logprob;
    this.offsets[index] = offset === null || offset < 0 ? -1 : offset;
    this.textIds[index] = this.interner.intern(token);
    let flags = 0;
    if (top) {
      flags |= HAS_TOP;
      const end = this.topCount + top.length;
      this.topIds = grown(this.topIds, end);
      this.topLogprobs = grown(this.topLogprobs, end);
      for (const [alternative, alternativeLogprob] of top) {
        this.topIds[this.topCount] = this.interner.intern(alternative);
        this.topLogprobs[this.topCount] = alternativeLogprob;
        this.topCount++;
      }
    }
    this.topStart[index + 1] = this.topCount;
    if (bytes) {
      flags |= HAS_BYTES;
      this.appendBytes(bytes);
    }
    if (this.bytesStart) this.bytesStart[index + 1] = this.byteCount;
    this.flags[index] = flags;
    this.count++;
  }

  tokenAt(index: number): string {
    return this.interner.get(this.textIds[this.check(index)] ?? 0);
  }

  logprobAt(index: number): number | null {
    const value = this.logprobs[this.check(index)] ?? NaN;
    return Number.isNaN(value) ? null : value;
  }

  offsetAt(index: number): number | null {
    const value = this.offsets[this.check(index)] ?? -1;
    return value < 0 ? null : value;
  }

  bytesAt(index: number): number[] | null {
    if (((this.flags[this.check(index)] ?? 0) & HAS_BYTES) === 0 || !this.bytesStart || !this.byteData)
      return null;
    const start = this.bytesStart[index] ?? 0;
    const end = this.bytesStart[index + 1] ?? start;
    return Array.from(this.byteData.subarray(start, end));
  }

  hasTop(index: number): boolean {
    return ((this.flags[this.check(index)] ?? 0) & HAS_TOP) !== 0;
  }

  topCountAt(index: number): number {
    this.check(index);
    return (this.topStart[index + 1] ?? 0) - (this.topStart[index] ?? 0);
  }

  topTokenAt(index: number, rank: number): string {
    return this.interner.get(this.topIds[this.topSlot(index, rank)] ?? 0);
  }

  topLogprobAt(index: number, rank: number): number {
    return this.topLogprobs[this.topSlot(index, rank)] ?? NaN;
  }

  /** The alternatives of a token as [token, logprob] pairs (a new array), null when none were returned. */
  topAt(index: number): Array<[string, number]> | null {
    if (!this.hasTop(index)) return null;
    const pairs: Array<[string, number]> = [];
    const count = this.topCountAt(index);
    for (let rank = 0; rank < count; rank++)
      pairs.push([this.topTokenAt(index, rank), this.topLogprobAt(index, rank)]);
    return pairs;
  }

  /**
   * Bytes held by the typed arrays (their allocated capacity, not just the used part), plus the string
   * table unless `includeStrings` is false (leave it out for all but one store sharing an interner).
   */
  memoryBytes(includeStrings = true): number {
    const arrays = [
      this.logprobs,
      this.offsets,
      this.textIds,
      this.flags,
      this.topStart,
      this.topIds,
      this.topLogprobs,
      this.bytesStart,
      this.byteData,
    ];
    const typed = arrays.reduce((sum, array) => sum + (array?.byteLength ?? 0), 0);
    return typed + (includeStrings ? this.interner.memoryBytes() : 0);
  }

  private growRows(needed: number): void {
    this.logprobs = grown(this.logprobs, needed);
    const capacity = this.logprobs.length;
    this.offsets = grown(this.offsets, capacity);
    this.textIds = grown(this.textIds, capacity);
    this.flags = grown(this.flags, capacity);
    this.topStart = grown(this.topStart, capacity + 1);
    if (this.bytesStart) this.bytesStart = grown(this.bytesStart, capacity + 1);
  }

  private appendBytes(bytes: ArrayLike<number>): void {
    if (!this.bytesStart || !this.byteData) {
      // First token with bytes: every earlier token has none (empty ranges at 0).
      this.bytesStart = new Int32Array(this.logprobs.length + 1);
      this.byteData = new Uint8Array(Math.max(64, bytes.length));
    }
    this.byteData = grown(this.byteData, this.byteCount + bytes.length);
    if (bytes instanceof Uint8Array) {
      this.byteData.set(bytes, this.byteCount);
      this.byteCount += bytes.length;
      return;
    }
    for (let index = 0; index < bytes.length; index++)
      this.byteData[this.byteCount++] = (bytes[index] ?? 0) & 0xff;
  }

  private topSlot(index: number, rank: number): number {
    const start = this.topStart[this.check(index)] ?? 0;
    const end = this.topStart[index + 1] ?? start;
    if (!Number.isInteger(rank) || rank < 0 || start + rank >= end)
      throw new RangeError(`token ${index} has no alternative ${rank}`);
    return start + rank;
  }

  private check(index: number): number {
    if (!Number.isInteger(index) || index < 0 || index >= this.count)
      throw new RangeError(`token index ${index} out of range 0..${this.count - 1}`);
    return index;
  }
}
