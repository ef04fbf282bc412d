import { InputError, NotFoundError } from '@backstage/errors';
import {
  AwsOrganizationalUnit,
  matchOrganizationalUnit,
  OrganizationSnapshot,
} from '@sra-backstage/plugin-aws-accounts-node';

const ORGANIZATIONAL_UNIT_ID_PATTERN = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;

/**
 * Finds the organizational unit a form or template names: its id, its path
 * (`Workloads/Prod`), or its bare name when no other unit has that name.
 */
export function findOrganizationalUnit(
  organization: OrganizationSnapshot,
  reference: string,
): AwsOrganizationalUnit {
  const wanted = reference.trim();
  const { root, organizationalUnits } = organization;

  const matched = matchOrganizationalUnit(root, organizationalUnits, wanted);
  if (matched) {
    return matched;
  }
  if (ORGANIZATIONAL_UNIT_ID_PATTERN.test(wanted)) {
    throw new NotFoundError(
      `Organizational unit ${wanted} does not exist in the organization; choose one of the organization's units`,
    );
  }

  const named = organizationalUnits.filter(
    unit =>
      unit.name.toLocaleLowerCase('en-US') ===
      wanted.toLocaleLowerCase('en-US'),
  );
  if (named.length === 0) {
    throw new NotFoundError(
      `No organizational unit is named "${wanted}"; give its id (ou-...), its path such as Workloads/Prod, or the exact name shown in AWS Organizations`,
    );
  }
  if (named.length > 1) {
    throw new InputError(
      `Several organizational units are named "${wanted}" (${named
        .map(unit => `${unit.path} ${unit.id}`)
        .join(', ')}); give the id or the path of the one you mean`,
    );
  }
  return named[0];
}
