import { AccountRecord } from '../database/AccountStore';

function normalizedPath(path: string): string {
  const segments = path
    .split('/')
    .map(segment => segment.trim().toLowerCase())
    .filter(Boolean);
  return (segments[0] === 'root' ? segments.slice(1) : segments).join('/');
}

/**
 * Whether the account is in the organizational unit or below it. The unit
 * is named by id (`ou-...`) or by path, with or without the root's name
 * (`Root/Workloads` and `Workloads` both match `Root/Workloads/Prod`).
 */
export function inOrganizationalUnit(
  account: AccountRecord,
  ou: string,
): boolean {
  if (ou.startsWith('ou-')) {
    return account.organizationalUnitId === ou;
  }
  if (!account.organizationalUnitPath) {
    return false;
  }
  const wanted = normalizedPath(ou);
  const actual = normalizedPath(account.organizationalUnitPath);
  return wanted === '' || actual === wanted || actual.startsWith(`${wanted}/`);
}

/**
 * Whether the account is owned by the owner, named by entity ref
 * (`group:default/team-payments`) or by its name alone (`team-payments`).
 */
export function ownedBy(account: AccountRecord, owner: string): boolean {
  const actual = account.owner?.toLowerCase();
  const wanted = owner.toLowerCase();
  return (
    actual !== undefined &&
    (actual === wanted ||
      actual.endsWith(`/${wanted}`) ||
      actual === `group:default/${wanted}`)
  );
}
