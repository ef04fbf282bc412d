import { AwsAccountQuery } from './OrganizationReader';
import { AwsAccount } from './types';

function sameText(a: string, b: string): boolean {
  return (
    a.trim().toLocaleLowerCase('en-US') === b.trim().toLocaleLowerCase('en-US')
  );
}

/**
 * Picks the account a query names: by id (exact), by name or by email
 * address (both case-insensitive, surrounding spaces ignored).
 *
 * @public
 */
export function matchAccount(
  accounts: AwsAccount[],
  query: AwsAccountQuery,
): AwsAccount | undefined {
  if ('id' in query) {
    return accounts.find(account => account.id === query.id.trim());
  }
  if ('email' in query) {
    return accounts.find(account => sameText(account.email, query.email));
  }
  return accounts.find(account => sameText(account.name, query.name));
}
