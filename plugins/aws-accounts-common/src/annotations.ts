/**
 * The annotation that ties a catalog entity to an AWS account. It is the same
 * name the core AWS catalog module uses, so posture cards work on any entity
 * that carries it.
 *
 * @public
 */
export const ANNOTATION_AWS_ACCOUNT_ID = 'amazonaws.com/account-id';

/** @public */
export const ANNOTATION_AWS_ARN = 'amazonaws.com/arn';

/** @public */
export const ANNOTATION_AWS_ORGANIZATION_ID = 'amazonaws.com/organization-id';

/**
 * The path of organizational units from the root to the account, for example
 * `Root/Workloads/Prod`.
 *
 * @public
 */
export const ANNOTATION_AWS_ORGANIZATIONAL_UNIT_PATH =
  'amazonaws.com/organizational-unit-path';

/** @public */
export const ANNOTATION_AWS_ORGANIZATIONAL_UNIT_ID =
  'amazonaws.com/organizational-unit-id';

/** @public */
export const LABEL_AWS_ACCOUNT_STATUS = 'amazonaws.com/account-status';

/** @public */
export const LABEL_AWS_ENVIRONMENT = 'amazonaws.com/environment';

/**
 * Events topic on which the catalog provider listens for requests to read the
 * organization again now, for example right after an account was vended.
 *
 * @public
 */
export const AWS_ACCOUNTS_REFRESH_TOPIC = 'aws-accounts.refresh';

/**
 * Twelve digits: the only form an AWS account id takes.
 *
 * @public
 */
export const AWS_ACCOUNT_ID_PATTERN = /^\d{12}$/;

/** @public */
export function isAwsAccountId(value: unknown): value is string {
  return typeof value === 'string' && AWS_ACCOUNT_ID_PATTERN.test(value);
}
