import { AwsOrganizationalUnit, AwsOrganizationRoot } from './types';

/**
 * Picks the organizational unit a reference names: an id (`ou-...`, exact) or
 * a path of unit names, with or without the root's name in front
 * (`Root/Workloads/Prod` or `Workloads/Prod`, case-insensitive, surrounding
 * slashes and spaces ignored).
 *
 * @public
 */
export function matchOrganizationalUnit(
  root: AwsOrganizationRoot,
  organizationalUnits: AwsOrganizationalUnit[],
  reference: string,
): AwsOrganizationalUnit | undefined {
  const wanted = reference.trim();
  const byId = organizationalUnits.find(unit => unit.id === wanted);
  if (byId) {
    return byId;
  }

  const segments = wanted
    .split('/')
    .map(segment => segment.trim())
    .filter(Boolean);
  if (segments.length === 0) {
    return undefined;
  }
  const rootName = root.name.toLocaleLowerCase('en-US');
  const path = [
    rootName,
    ...segments
      .map(segment => segment.toLocaleLowerCase('en-US'))
      .filter((segment, index) => index > 0 || segment !== rootName),
  ].join('/');
  return organizationalUnits.find(
    unit => unit.path.toLocaleLowerCase('en-US') === path,
  );
}
