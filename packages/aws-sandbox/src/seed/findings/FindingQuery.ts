import { FindingIndex } from './FindingIndex';

/**
 * A compiled finding filter: per column, which codes pass; which accounts
 * pass; and time ranges on the update time. Every part must pass.
 */
export interface FindingFilter<K extends string> {
  /** Account indexes to scan; all when undefined. */
  accounts?: number[];
  /** Per account index, whether it passes (for NOT_EQUALS and PREFIX). */
  accountMask?: Uint8Array;
  columns: { column: K; allowed: Uint8Array }[];
  /** Seconds; each range must hold. */
  updatedAt: { start?: number; end?: number }[];
}

export interface FindingSort<K extends string> {
  key: 'updatedAt' | 'account' | K;
  descending: boolean;
  /** Maps a column code to its sort rank, e.g. severity order. */
  rank?: (code: number) => number;
}

const CACHE_SIZE = 8;

/**
 * Runs filters and sorting over a finding index. Matches of a query are
 * cached by its key, so paging through a large result sorts it once.
 */
export class FindingQueryRunner<K extends string> {
  readonly #index: FindingIndex<K>;
  readonly #cache = new Map<string, Uint32Array>();

  constructor(index: FindingIndex<K>) {
    this.#index = index;
  }

  #passes(filter: FindingFilter<K>, i: number): boolean {
    const index = this.#index;
    if (filter.accountMask && !filter.accountMask[index.accountOf[i]]) {
      return false;
    }
    for (const { column, allowed } of filter.columns) {
      if (!allowed[index.columns[column][i]]) {
        return false;
      }
    }
    for (const range of filter.updatedAt) {
      const at = index.updatedAt[i];
      if (
        (range.start !== undefined && at < range.start) ||
        (range.end !== undefined && at > range.end)
      ) {
        return false;
      }
    }
    return true;
  }

  /** Global indexes of one page of matches, and the offset of the next. */
  page(
    cacheKey: string,
    filter: FindingFilter<K>,
    sort: FindingSort<K>,
    offset: number,
    pageSize: number,
  ): { items: number[]; nextOffset?: number; total?: number } {
    const index = this.#index;
    const scanAll = !filter.accounts;
    if (scanAll && sort.key === 'updatedAt' && sort.descending) {
      const order = index.byUpdatedAtDesc();
      const items: number[] = [];
      let position = offset;
      for (; position < order.length && items.length < pageSize; position++) {
        if (this.#passes(filter, order[position])) {
          items.push(order[position]);
        }
      }
      while (
        position < order.length &&
        !this.#passes(filter, order[position])
      ) {
        position++;
      }
      return {
        items,
        nextOffset: position < order.length ? position : undefined,
      };
    }

    const matches = this.#matches(cacheKey, filter, sort);
    const items = Array.from(matches.subarray(offset, offset + pageSize));
    const next = offset + pageSize;
    return {
      items,
      nextOffset: next < matches.length ? next : undefined,
      total: matches.length,
    };
  }

  /** Every match, sorted; for aggregations and counts. */
  all(cacheKey: string, filter: FindingFilter<K>): Uint32Array {
    return this.#matches(cacheKey, filter, {
      key: 'account',
      descending: false,
    });
  }

  #matches(
    cacheKey: string,
    filter: FindingFilter<K>,
    sort: FindingSort<K>,
  ): Uint32Array {
    const cached = this.#cache.get(cacheKey);
    if (cached) {
      return cached;
    }
    const index = this.#index;
    const found: number[] = [];
    const ranges = filter.accounts
      ? filter.accounts.map(a => index.rangeOf(a))
      : [[0, index.size] as [number, number]];
    for (const [start, end] of ranges) {
      for (let i = start; i < end; i++) {
        if (this.#passes(filter, i)) {
          found.push(i);
        }
      }
    }
    const matches = Uint32Array.from(found);
    const direction = sort.descending ? -1 : 1;
    if (sort.key === 'updatedAt') {
      const keys = index.updatedAt;
      matches.sort((a, b) => direction * (keys[a] - keys[b]) || a - b);
    } else if (sort.key === 'account') {
      if (sort.descending) {
        matches.reverse();
      }
    } else {
      const column = index.columns[sort.key as K];
      const rank = sort.rank ?? ((code: number) => code);
      const keys = index.updatedAt;
      matches.sort(
        (a, b) =>
          direction * (rank(column[a]) - rank(column[b])) ||
          keys[b] - keys[a] ||
          a - b,
      );
    }
    this.#cache.set(cacheKey, matches);
    if (this.#cache.size > CACHE_SIZE) {
      this.#cache.delete(this.#cache.keys().next().value as string);
    }
    return matches;
  }
}

/**
 * Which codes of an enumerated column pass a set of string conditions in
 * the AWS style: EQUALS and PREFIX conditions are alternatives, the
 * negative ones must all hold, and a missing value ('' label) fails
 * positive conditions.
 */
export function allowedCodes(
  labels: readonly string[],
  conditions: { comparison: string; value: string }[],
): Uint8Array {
  const allowed = new Uint8Array(256);
  labels.forEach((label, code) => {
    allowed[code] = stringConditionsPass(label, conditions) ? 1 : 0;
  });
  return allowed;
}

export function stringConditionsPass(
  value: string,
  conditions: { comparison: string; value: string }[],
): boolean {
  const positive = conditions.filter(
    c =>
      !c.comparison.startsWith('NOT_') &&
      !c.comparison.startsWith('PREFIX_NOT'),
  );
  const negative = conditions.filter(
    c =>
      c.comparison.startsWith('NOT_') || c.comparison.startsWith('PREFIX_NOT'),
  );
  const test = (c: { comparison: string; value: string }) => {
    switch (c.comparison) {
      case 'EQUALS':
      case 'NOT_EQUALS':
        return value === c.value;
      case 'PREFIX':
      case 'PREFIX_NOT_EQUALS':
        return value.startsWith(c.value);
      case 'CONTAINS':
      case 'NOT_CONTAINS':
        return value.includes(c.value);
      default:
        return false;
    }
  };
  if (positive.length && (!value || !positive.some(test))) {
    return false;
  }
  return negative.every(c => !test(c));
}
