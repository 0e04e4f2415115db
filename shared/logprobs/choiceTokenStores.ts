import type { TokenColumns } from '../contracts/runs';
import type { PackedTokens } from './packedTokens';
import { StringInterner } from './stringInterner';
import { TokenStore, type TokenStoreOptions } from './tokenStore';

/**
 * The token stores of every choice of a run, sharing one string table. `appendColumns` routes each row
 * of a batch (choices of n interleaved) to its choice's store, creating stores on first sight.
 */
export class ChoiceTokenStores {
  readonly interner = new StringInterner();
  private readonly stores = new Map<number, TokenStore>();

  constructor(private readonly options: Omit<TokenStoreOptions, 'interner'> = {}) {}

  appendColumns(columns: TokenColumns): void {
    for (let row = 0; row < columns.token.length; row++)
      this.store(columns.choice[row] ?? 0).appendRow(columns, row);
  }

  /**
   * Appends a packed batch: its string table is interned once, then each stretch of consecutive rows
   * of one choice goes to that choice's store in one call (n = 1: the whole batch at once).
   */
  appendPacked(packed: PackedTokens): void {
    const rows = packed.text.length;
    if (rows === 0) return;
    const ids = this.store(packed.choice[0] ?? 0).internStrings(packed.strings);
    let from = 0;
    while (from < rows) {
      const choice = packed.choice[from] ?? 0;
      let to = from + 1;
      while (to < rows && packed.choice[to] === choice) to++;
      this.store(choice).appendPackedRows(packed, from, to, ids);
      from = to;
    }
  }

  /** The store of a choice, created empty when the choice has no tokens yet. */
  store(choice: number): TokenStore {
    let store = this.stores.get(choice);
    if (!store) {
      store = new TokenStore({ ...this.options, interner: this.interner });
      this.stores.set(choice, store);
    }
    return store;
  }

  get(choice: number): TokenStore | undefined {
    return this.stores.get(choice);
  }

  /** Choice indexes that have a store, ascending. */
  choices(): number[] {
    return [...this.stores.keys()].sort((a, b) => a - b);
  }

  memoryBytes(): number {
    let total = this.interner.memoryBytes();
    for (const store of this.stores.values()) total += store.memoryBytes(false);
    return total;
  }
}
