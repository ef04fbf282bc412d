import { CustomErrorBase, isError } from '@backstage/errors';
import { OrganizationsOperation } from './types';

/** @public */
export interface OrganizationReadFailure {
  operation: OrganizationsOperation;
  /** What was being read, completing "Could not …". */
  subject: string;
  /** Who the calls ran as, for example `role arn:aws:iam::…:role/…`. */
  principal: string;
  accountId?: string;
}

function adviceFor(failure: OrganizationReadFailure, errorName: string) {
  const { principal, operation } = failure;
  if (errorName === 'AbortError') {
    return 'the read was stopped before it finished';
  }
  if (errorName === 'TooManyRequestsException') {
    return 'AWS Organizations kept throttling past the retries; lower the request rate of the organization reader or raise awsAccounts.maxAttempts';
  }
  if (errorName === 'AWSOrganizationsNotInUseException') {
    return 'the account is not in an organization; point awsAccounts.organization at the management account or an Organizations delegated administrator';
  }
  if (errorName.startsWith('AccessDenied')) {
    return `check that ${principal} exists, trusts the Backstage credentials, and allows organizations:${operation}`;
  }
  return `check that ${principal} can reach AWS Organizations`;
}

/**
 * A read of AWS Organizations failed after the SDK's retries. The message
 * names the operation, the account or unit it concerned, the credentials
 * used and what to do; `cause` holds the SDK error.
 *
 * @public
 */
export class OrganizationReadError extends CustomErrorBase {
  /** Wraps an SDK error with what was being read and what to do about it. */
  static fromCause(
    failure: OrganizationReadFailure,
    cause: unknown,
  ): OrganizationReadError {
    const advice = adviceFor(failure, isError(cause) ? cause.name : '');
    return new OrganizationReadError({
      message: `Could not ${failure.subject} (organizations:${failure.operation}) as ${failure.principal}: ${advice}`,
      operation: failure.operation,
      accountId: failure.accountId,
      cause,
    });
  }

  /** An answer without the fields every answer of the operation has. */
  static malformedAnswer(
    failure: OrganizationReadFailure,
  ): OrganizationReadError {
    const forAccount = failure.accountId
      ? ` for account ${failure.accountId}`
      : '';
    return new OrganizationReadError({
      message: `Could not ${failure.subject} (organizations:${failure.operation}) as ${failure.principal}: the answer lacked required fields${forAccount}; check that the endpoint is AWS Organizations`,
      operation: failure.operation,
      accountId: failure.accountId,
      cause: undefined,
    });
  }

  name = 'OrganizationReadError' as const;

  readonly operation: OrganizationsOperation;
  readonly accountId?: string;

  constructor(options: {
    message: string;
    operation: OrganizationsOperation;
    accountId?: string;
    cause: unknown;
  }) {
    super(options.message, options.cause);
    this.operation = options.operation;
    this.accountId = options.accountId;
  }
}
