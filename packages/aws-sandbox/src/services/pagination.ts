import { AwsServiceError } from '../protocols/AwsServiceError';

/**
 * A page of items and the token to ask for the next one. Tokens are the
 * base64 of the next offset, tied to the operation so that a token from one
 * listing is refused by another.
 */
export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export function encodeToken(scope: string, offset: number): string {
  return Buffer.from(`${scope}:${offset}`, 'utf8').toString('base64');
}

export function decodeToken(
  scope: string,
  token: string | undefined,
  errorCode: string,
): number {
  if (!token) {
    return 0;
  }
  const text = Buffer.from(token, 'base64').toString('utf8');
  const separator = text.lastIndexOf(':');
  const offset = Number(text.slice(separator + 1));
  if (
    text.slice(0, separator) !== scope ||
    !Number.isInteger(offset) ||
    offset < 0
  ) {
    throw new AwsServiceError(
      errorCode,
      'The NextToken is not valid for this request; start again without a NextToken.',
      400,
    );
  }
  return offset;
}

export function paginate<T>(
  items: readonly T[],
  scope: string,
  token: string | undefined,
  pageSize: number,
  errorCode: string,
): Page<T> {
  const offset = decodeToken(scope, token, errorCode);
  const end = offset + pageSize;
  return {
    items: items.slice(offset, end),
    nextToken: end < items.length ? encodeToken(scope, end) : undefined,
  };
}
