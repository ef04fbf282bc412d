import type { OrganizationState } from '../organizations/OrganizationState';

const UNIT_PATTERN = /^(.+) \((ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})\)$/;
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** `Name (ou-xxxx-xxxxxxxx)` read into its parts, or undefined. */
export function parseManagedOrganizationalUnit(value: string) {
  const match = UNIT_PATTERN.exec(value.trim());
  return match ? { name: match[1], id: match[2] } : undefined;
}

/**
 * Problems Control Tower reports in a FAILED record's RecordErrors, in the
 * order it checks them; empty when the parameters are acceptable.
 */
export function accountFactoryProblems(
  parameters: Record<string, string>,
  organization: OrganizationState,
): string[] {
  const problems: string[] = [];
  const name = parameters.AccountName ?? '';
  if (name.length < 1 || name.length > 50) {
    problems.push(
      `AccountName: must be 1 to 50 characters; got ${name.length}.`,
    );
  }
  const email = parameters.AccountEmail ?? '';
  if (!EMAIL_PATTERN.test(email)) {
    problems.push(
      `AccountEmail: "${email}" is not a valid email address; use the form name@example.com.`,
    );
  } else if (organization.emailInUse(email)) {
    problems.push(
      `AccountEmail: an account with the email ${email} already exists in the organization; choose another email address.`,
    );
  }
  if (!EMAIL_PATTERN.test(parameters.SSOUserEmail ?? '')) {
    problems.push(
      'SSOUserEmail: must be a valid email address for the IAM Identity Center user.',
    );
  }
  for (const key of ['SSOUserFirstName', 'SSOUserLastName']) {
    if (!(parameters[key] ?? '').trim()) {
      problems.push(`${key}: must not be empty.`);
    }
  }
  return problems;
}
