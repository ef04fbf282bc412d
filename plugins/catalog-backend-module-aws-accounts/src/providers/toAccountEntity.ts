import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ResourceEntityV1alpha1,
} from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_ARN,
  ANNOTATION_AWS_ORGANIZATION_ID,
  ANNOTATION_AWS_ORGANIZATIONAL_UNIT_ID,
  ANNOTATION_AWS_ORGANIZATIONAL_UNIT_PATH,
  LABEL_AWS_ACCOUNT_STATUS,
  LABEL_AWS_ENVIRONMENT,
} from '@sra-backstage/plugin-aws-accounts-common';
import {
  AwsAccount,
  AwsOrganization,
} from '@sra-backstage/plugin-aws-accounts-node';
import {
  AwsAccountsProviderConfig,
  toEntityReference,
} from './AwsAccountsProviderConfig';
import { resolveEnvironment } from './resolveEnvironment';

/** Something about an account's tags the provider worked around. */
export type AccountEntityProblem =
  | 'owner-tag-invalid'
  | 'owner-missing'
  | 'application-tag-invalid'
  | 'environment-tag-invalid';

export interface AccountEntityResult {
  /** Absent when the account has no usable owner and no fallback is set. */
  entity?: ResourceEntityV1alpha1;
  problems: AccountEntityProblem[];
}

/**
 * The entity name of an account: its id behind a fixed prefix, so it is
 * valid, unique in the organization and survives renames.
 */
export function accountEntityName(accountId: string): string {
  return `aws-account-${accountId}`;
}

/** The account's page in the AWS Organizations console. */
export function accountConsoleUrl(accountId: string): string {
  return `https://console.aws.amazon.com/organizations/v2/home/accounts/${accountId}`;
}

function resolveOwner(
  account: AwsAccount,
  config: AwsAccountsProviderConfig,
  problems: AccountEntityProblem[],
): string | undefined {
  const tagValue = account.tags?.[config.ownerTag]?.trim();
  if (tagValue) {
    const owner = toEntityReference(tagValue, 'group');
    if (owner) {
      return owner;
    }
    problems.push('owner-tag-invalid');
  } else if (!config.fallbackOwner) {
    problems.push('owner-missing');
  }
  return config.fallbackOwner;
}

function resolveSystem(
  account: AwsAccount,
  config: AwsAccountsProviderConfig,
  problems: AccountEntityProblem[],
): string | undefined {
  const tagValue = account.tags?.[config.applicationTag]?.trim();
  if (!tagValue) {
    return undefined;
  }
  const reference = toEntityReference(tagValue, 'system');
  if (!reference?.startsWith('system:')) {
    problems.push('application-tag-invalid');
    return undefined;
  }
  // spec.system takes a reference relative to kind System.
  const withoutKind = reference.slice('system:'.length);
  return withoutKind.startsWith('default/')
    ? withoutKind.slice('default/'.length)
    : withoutKind;
}

/** Builds the Resource entity of one account of the organization. */
export function toAccountEntity(
  account: AwsAccount,
  organization: AwsOrganization,
  config: AwsAccountsProviderConfig,
): AccountEntityResult {
  const problems: AccountEntityProblem[] = [];
  const owner = resolveOwner(account, config, problems);
  const system = resolveSystem(account, config, problems);
  const { environment, rejectedTagValue } = resolveEnvironment(
    account,
    config.environmentTag,
  );
  if (rejectedTagValue !== undefined) {
    problems.push('environment-tag-invalid');
  }
  if (!owner) {
    return { problems };
  }

  const consoleUrl = accountConsoleUrl(account.id);
  const title = account.name.trim() || account.id;
  const entity: ResourceEntityV1alpha1 = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: accountEntityName(account.id),
      title,
      description: `AWS account ${title} (${account.id}) in ${account.organizationalUnitPath} of organization ${organization.id}`,
      annotations: {
        [ANNOTATION_LOCATION]: `url:${consoleUrl}`,
        [ANNOTATION_ORIGIN_LOCATION]: `url:${consoleUrl}`,
        [ANNOTATION_AWS_ACCOUNT_ID]: account.id,
        [ANNOTATION_AWS_ARN]: account.arn,
        [ANNOTATION_AWS_ORGANIZATION_ID]: organization.id,
        [ANNOTATION_AWS_ORGANIZATIONAL_UNIT_ID]: account.organizationalUnitId,
        [ANNOTATION_AWS_ORGANIZATIONAL_UNIT_PATH]:
          account.organizationalUnitPath,
      },
      labels: {
        [LABEL_AWS_ACCOUNT_STATUS]: account.state,
        ...(environment ? { [LABEL_AWS_ENVIRONMENT]: environment } : {}),
      },
      links: [
        {
          url: consoleUrl,
          title: 'AWS Organizations console',
          icon: 'cloud',
        },
      ],
    },
    spec: {
      type: config.entityType,
      owner,
      ...(system ? { system } : {}),
    },
  };
  return { entity, problems };
}
