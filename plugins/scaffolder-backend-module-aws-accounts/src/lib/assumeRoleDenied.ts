import { NotAllowedError } from '@backstage/errors';

/** True when the error says the role could not be assumed. */
export function isAssumeRoleDenied(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'AccessDenied' || /sts:AssumeRole/.test(error.message))
  );
}

/**
 * The error a user sees when a role in a new or existing account cannot be
 * assumed: which role, which account, and what usually fixes it.
 */
export function assumeRoleDeniedError(
  accountId: string,
  roleName: string,
  cause: Error,
): NotAllowedError {
  return new NotAllowedError(
    `Cannot assume role ${roleName} in account ${accountId}: ${cause.message}. The role must exist in the account and trust the principal Backstage runs as; in accounts vended by Control Tower, AWSControlTowerExecution trusts the management account. If you use another role, set awsAccounts.vending.baselineRoleName or the step's roleName.`,
    cause,
  );
}
