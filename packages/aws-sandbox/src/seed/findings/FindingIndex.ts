/**
 * Compact columns over every finding of a service: one entry per finding,
 * grouped by account, holding only what filters and sorting read. Full
 * findings are generated from (account, index) when a page is served, so a
 * million findings cost a few bytes each.
 */
export class FindingIndex<K extends string> {
  readonly accountIds: string[];
  /** First global index of each account's block; one extra at the end. */
  readonly offsets: Uint32Array;
  readonly size: number;
  /** The account index of each finding. */
  readonly accountOf: Uint32Array;
  readonly columns: Record<K, Uint8Array>;
  /** Epoch seconds of the last update of each finding. */
  readonly updatedAt: Float64Array;
  #byUpdatedAtDesc: Uint32Array | undefined;

  constructor(
    accountIds: string[],
    countOf: (accountId: string) => number,
    columnNames: readonly K[],
    fill: (
      accountId: string,
      local: number,
      set: (column: K, value: number) => void,
    ) => number,
  ) {
    this.accountIds = accountIds;
    this.offsets = new Uint32Array(accountIds.length + 1);
    let total = 0;
    accountIds.forEach((accountId, index) => {
      this.offsets[index] = total;
      total += countOf(accountId);
    });
    this.offsets[accountIds.length] = total;
    this.size = total;
    this.accountOf = new Uint32Array(total);
    this.updatedAt = new Float64Array(total);
    this.columns = Object.fromEntries(
      columnNames.map(name => [name, new Uint8Array(total)]),
    ) as Record<K, Uint8Array>;

    let global = 0;
    const set = (column: K, value: number) => {
      this.columns[column][global] = value;
    };
    accountIds.forEach((accountId, index) => {
      const count = this.offsets[index + 1] - this.offsets[index];
      for (let local = 0; local < count; local++, global++) {
        this.accountOf[global] = index;
        this.updatedAt[global] = fill(accountId, local, set);
      }
    });
  }

  accountIndex(accountId: string): number {
    return this.accountIds.indexOf(accountId);
  }

  /** The global range of one account's findings. */
  rangeOf(accountIndex: number): [number, number] {
    return [this.offsets[accountIndex], this.offsets[accountIndex + 1]];
  }

  localIndex(global: number): number {
    return global - this.offsets[this.accountOf[global]];
  }

  /** Every finding, newest update first; computed once. */
  byUpdatedAtDesc(): Uint32Array {
    if (!this.#byUpdatedAtDesc) {
      const order = new Uint32Array(this.size);
      for (let i = 0; i < this.size; i++) order[i] = i;
      const keys = this.updatedAt;
      this.#byUpdatedAtDesc = order.sort((a, b) => keys[b] - keys[a] || a - b);
    }
    return this.#byUpdatedAtDesc;
  }
}
