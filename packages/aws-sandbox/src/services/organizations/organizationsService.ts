import { AwsJsonProtocol } from '../../protocols/AwsJsonProtocol';
import { AwsServiceError } from '../../protocols/AwsServiceError';
import { hexDigest } from '../../seed/resourceId';
import { InputReader } from '../InputReader';
import { paginate } from '../pagination';
import {
  OperationContext,
  OperationHandler,
  ServiceDefinition,
} from '../ServiceDefinition';
import { OrganizationAccount, OrganizationState } from './OrganizationState';

const ERROR = 'InvalidInputException';
const ACCOUNT_ID = /^\d{12}$/;

function reader(input: Record<string, unknown>, operation: string) {
  return new InputReader(input, operation, ERROR);
}

/** Only the management account may read the organization's structure. */
function managementOnly(context: OperationContext): OrganizationState {
  const { organization } = context.state;
  if (context.caller.accountId !== organization.managementAccountId) {
    throw new AwsServiceError(
      'AccessDeniedException',
      `You don't have permissions to access this resource. Account ${context.caller.accountId} is a member; call Organizations with credentials of the management account ${organization.managementAccountId}.`,
      400,
    );
  }
  return organization;
}

function accountView(
  organization: OrganizationState,
  account: OrganizationAccount,
) {
  return {
    Id: account.id,
    Arn: organization.accountArn(account.id),
    Email: account.email,
    Name: account.name,
    Status: account.status,
    State: account.status,
    JoinedMethod: account.joinedMethod,
    JoinedTimestamp: account.joinedAt,
  };
}

function unitView(organization: OrganizationState, id: string) {
  const unit = organization.units.get(id)!;
  return { Id: unit.id, Arn: organization.unitArn(unit.id), Name: unit.name };
}

function requireAccount(organization: OrganizationState, accountId: string) {
  if (!ACCOUNT_ID.test(accountId)) {
    throw new AwsServiceError(
      ERROR,
      `AccountId "${accountId}" is not twelve digits; pass an AWS account id.`,
      400,
      { Reason: 'INVALID_PATTERN' },
    );
  }
  const account = organization.accounts.get(accountId);
  if (!account) {
    throw new AwsServiceError(
      'AccountNotFoundException',
      `You specified an account that doesn't exist: ${accountId}.`,
      400,
    );
  }
  return account;
}

function requireParent(organization: OrganizationState, parentId: string) {
  if (!organization.isParent(parentId)) {
    throw new AwsServiceError(
      'ParentNotFoundException',
      `We can't find a root or OU with the ParentId ${parentId}; list them with ListRoots and ListOrganizationalUnitsForParent.`,
      400,
    );
  }
}

function pageOf<T>(r: InputReader, items: T[], scope: string) {
  return paginate(
    items,
    scope,
    r.optionalString('NextToken'),
    r.pageSize('MaxResults', 20, 20),
    ERROR,
  );
}

/** Resource ids Organizations tags: accounts, OUs and the root. */
function requireTaggable(organization: OrganizationState, resourceId: string) {
  if (
    !organization.accounts.has(resourceId) &&
    !organization.units.has(resourceId) &&
    resourceId !== organization.rootId
  ) {
    throw new AwsServiceError(
      'TargetNotFoundException',
      `We can't find a resource with the ResourceId ${resourceId}; pass an account, OU or root id.`,
      400,
    );
  }
}

/**
 * The SCPs attached to a target: AWS's FullAWSAccess everywhere, and on
 * every OU registered with Control Tower the `aws-guardrails-…` policy
 * Control Tower attaches, which is how enrollment shows in Organizations.
 */
function serviceControlPolicies(
  organization: OrganizationState,
  targetId: string,
) {
  const policies = [
    {
      Id: 'p-FullAWSAccess',
      Arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
      Name: 'FullAWSAccess',
      Description: 'Allows access to every operation',
      Type: 'SERVICE_CONTROL_POLICY',
      AwsManaged: true,
    },
  ];
  if (organization.units.get(targetId)?.enrolled) {
    const suffix = hexDigest(`guardrails/${targetId}`, 8);
    policies.push({
      Id: `p-${suffix}`,
      Arn: `arn:aws:organizations::${organization.managementAccountId}:policy/${organization.id}/service_control_policy/p-${suffix}`,
      Name: `aws-guardrails-${suffix}`,
      Description: 'AWS Control Tower guardrails',
      Type: 'SERVICE_CONTROL_POLICY',
      AwsManaged: false,
    });
  }
  return policies;
}

const operations: Record<string, OperationHandler> = {
  DescribeOrganization(_input, context) {
    const { organization } = context.state;
    const management = organization.accounts.get(
      organization.managementAccountId,
    )!;
    return {
      Organization: {
        Id: organization.id,
        Arn: organization.arn,
        FeatureSet: 'ALL',
        MasterAccountArn: organization.accountArn(management.id),
        MasterAccountId: management.id,
        MasterAccountEmail: management.email,
        AvailablePolicyTypes: [
          { Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' },
        ],
      },
    };
  },

  ListRoots(input, context) {
    const organization = managementOnly(context);
    const r = reader(input, 'ListRoots');
    const roots = [
      {
        Id: organization.rootId,
        Arn: organization.rootArn(),
        Name: 'Root',
        PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
      },
    ];
    const page = pageOf(r, roots, 'ListRoots');
    return { Roots: page.items, NextToken: page.nextToken };
  },

  ListOrganizationalUnitsForParent(input, context) {
    const organization = managementOnly(context);
    const r = reader(input, 'ListOrganizationalUnitsForParent');
    const parentId = r.string('ParentId');
    requireParent(organization, parentId);
    const page = pageOf(
      r,
      organization.unitIdsIn(parentId),
      `ListOrganizationalUnitsForParent:${parentId}`,
    );
    return {
      OrganizationalUnits: page.items.map(id => unitView(organization, id)),
      NextToken: page.nextToken,
    };
  },

  DescribeOrganizationalUnit(input, context) {
    const organization = managementOnly(context);
    const id = reader(input, 'DescribeOrganizationalUnit').string(
      'OrganizationalUnitId',
    );
    if (!organization.units.has(id)) {
      throw new AwsServiceError(
        'OrganizationalUnitNotFoundException',
        `We can't find an OU with the OrganizationalUnitId ${id}.`,
        400,
      );
    }
    return { OrganizationalUnit: unitView(organization, id) };
  },

  ListAccounts(input, context) {
    const organization = managementOnly(context);
    const r = reader(input, 'ListAccounts');
    const page = pageOf(r, [...organization.accounts.values()], 'ListAccounts');
    return {
      Accounts: page.items.map(a => accountView(organization, a)),
      NextToken: page.nextToken,
    };
  },

  ListAccountsForParent(input, context) {
    const organization = managementOnly(context);
    const r = reader(input, 'ListAccountsForParent');
    const parentId = r.string('ParentId');
    requireParent(organization, parentId);
    const page = pageOf(
      r,
      organization.accountIdsIn(parentId),
      `ListAccountsForParent:${parentId}`,
    );
    return {
      Accounts: page.items.map(id =>
        accountView(organization, organization.accounts.get(id)!),
      ),
      NextToken: page.nextToken,
    };
  },

  ListParents(input, context) {
    const organization = managementOnly(context);
    const r = reader(input, 'ListParents');
    const childId = r.string('ChildId');
    const parentId =
      organization.accounts.get(childId)?.parentId ??
      organization.units.get(childId)?.parentId;
    if (!parentId) {
      throw new AwsServiceError(
        'ChildNotFoundException',
        `We can't find an account or OU with the ChildId ${childId}.`,
        400,
      );
    }
    return {
      Parents: [
        {
          Id: parentId,
          Type:
            parentId === organization.rootId ? 'ROOT' : 'ORGANIZATIONAL_UNIT',
        },
      ],
    };
  },

  DescribeAccount(input, context) {
    const organization = managementOnly(context);
    const account = requireAccount(
      organization,
      reader(input, 'DescribeAccount').string('AccountId'),
    );
    return { Account: accountView(organization, account) };
  },

  ListTagsForResource(input, context) {
    const organization = managementOnly(context);
    const r = reader(input, 'ListTagsForResource');
    const resourceId = r.string('ResourceId');
    requireTaggable(organization, resourceId);
    const tags = Object.entries(organization.tags.get(resourceId) ?? {}).map(
      ([Key, Value]) => ({ Key, Value }),
    );
    const page = pageOf(r, tags, `ListTagsForResource:${resourceId}`);
    return { Tags: page.items, NextToken: page.nextToken };
  },

  TagResource(input, context) {
    const organization = managementOnly(context);
    const r = reader(input, 'TagResource');
    const resourceId = r.string('ResourceId');
    requireTaggable(organization, resourceId);
    const tags = r.list<{ Key?: string; Value?: string }>('Tags');
    const current = { ...(organization.tags.get(resourceId) ?? {}) };
    for (const tag of tags) {
      if (!tag.Key || tag.Key.length > 128 || (tag.Value ?? '').length > 256) {
        throw new AwsServiceError(
          ERROR,
          'Each tag needs a Key of 1 to 128 characters and a Value of at most 256.',
          400,
          { Reason: 'INVALID_INPUT' },
        );
      }
      current[tag.Key] = tag.Value ?? '';
    }
    if (Object.keys(current).length > 50) {
      throw new AwsServiceError(
        'ConstraintViolationException',
        `Resource ${resourceId} would have more than 50 tags; remove some first.`,
        400,
        { Reason: 'TAG_POLICY_VIOLATION' },
      );
    }
    organization.tags.set(resourceId, current);
    return {};
  },

  ListPoliciesForTarget(input, context) {
    const organization = managementOnly(context);
    const r = reader(input, 'ListPoliciesForTarget');
    const targetId = r.string('TargetId');
    const filter = r.string('Filter');
    requireTaggable(organization, targetId);
    const policies =
      filter === 'SERVICE_CONTROL_POLICY'
        ? serviceControlPolicies(organization, targetId)
        : [];
    const page = pageOf(
      r,
      policies,
      `ListPoliciesForTarget:${targetId}:${filter}`,
    );
    return { Policies: page.items, NextToken: page.nextToken };
  },

  UntagResource(input, context) {
    const organization = managementOnly(context);
    const r = reader(input, 'UntagResource');
    const resourceId = r.string('ResourceId');
    requireTaggable(organization, resourceId);
    const current = { ...(organization.tags.get(resourceId) ?? {}) };
    for (const key of r.list<string>('TagKeys')) {
      delete current[key];
    }
    organization.tags.set(resourceId, current);
    return {};
  },
};

/** AWS Organizations over awsJson1_1. */
export const organizationsService: ServiceDefinition = {
  signingName: 'organizations',
  protocol: new AwsJsonProtocol('1.1'),
  throttle: {
    code: 'TooManyRequestsException',
    statusCode: 400,
    message:
      "AWS Organizations can't complete your request because another request is already in progress. Try again later.",
  },
  validationErrorCode: ERROR,
  operations,
};
