import { InputError } from '@backstage/errors';

/** Where a findings page ends: the sort it belongs to and its last row. */
export interface FindingsCursor {
  sort: string;
  order: 'asc' | 'desc';
  value: string | number;
  id: string;
}

export function encodeCursor(cursor: FindingsCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/**
 * Reads a cursor made by {@link encodeCursor} for the same sort and order;
 * anything else is a 400 that names the `cursor` parameter.
 */
export function decodeCursor(
  encoded: string,
  sort: string,
  order: 'asc' | 'desc',
): FindingsCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const cursor = parsed as Partial<FindingsCursor> | undefined;
  if (
    !cursor ||
    typeof cursor !== 'object' ||
    typeof cursor.id !== 'string' ||
    (typeof cursor.value !== 'string' && typeof cursor.value !== 'number')
  ) {
    throw new InputError(
      'Invalid cursor parameter: it is not a cursor this service made; pass the nextCursor of the previous page unchanged, or leave cursor out for the first page',
    );
  }
  if (cursor.sort !== sort || cursor.order !== order) {
    throw new InputError(
      `Invalid cursor parameter: it belongs to sort=${cursor.sort}&order=${cursor.order}, not sort=${sort}&order=${order}; keep the sort of the first page or start again without a cursor`,
    );
  }
  return cursor as FindingsCursor;
}
