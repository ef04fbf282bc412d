import { AwsServiceError } from '../../protocols/AwsServiceError';
import {
  allowedCodes,
  FindingFilter,
  FindingSort,
  stringConditionsPass,
} from '../../seed/findings/FindingQuery';
import { FindingStore, InspectorColumn } from '../../state/FindingStores';
import { OperationContext } from '../ServiceDefinition';
import {
  EXPLOIT_AVAILABLE,
  FIX_AVAILABLE,
  INSPECTOR_FINDING_TYPES,
  INSPECTOR_RESOURCE_TYPES,
  INSPECTOR_SEVERITIES,
  INSPECTOR_STATUSES,
  VULNERABILITY_IDS,
} from './inspectorFindings';

const ERROR = 'ValidationException';

const STRING_CRITERIA: Record<
  string,
  { column: InspectorColumn; labels: readonly string[] }
> = {
  findingStatus: { column: 'status', labels: INSPECTOR_STATUSES },
  severity: { column: 'severity', labels: INSPECTOR_SEVERITIES },
  resourceType: { column: 'resourceType', labels: INSPECTOR_RESOURCE_TYPES },
  findingType: { column: 'findingType', labels: INSPECTOR_FINDING_TYPES },
  vulnerabilityId: { column: 'vulnerability', labels: VULNERABILITY_IDS },
  fixAvailable: { column: 'fixAvailable', labels: FIX_AVAILABLE },
  exploitAvailable: { column: 'exploitAvailable', labels: EXPLOIT_AVAILABLE },
};
const SUPPORTED = [
  'awsAccountId',
  'updatedAt',
  'lastObservedAt',
  ...Object.keys(STRING_CRITERIA),
];

export function inspectorStringConditions(name: string, value: unknown) {
  if (!Array.isArray(value)) {
    throw new AwsServiceError(
      ERROR,
      `filterCriteria.${name} must be a list of { comparison, value }.`,
      400,
    );
  }
  return value.map(item => {
    const { comparison, value: text } = (item ?? {}) as {
      comparison?: string;
      value?: string;
    };
    if (
      typeof text !== 'string' ||
      !['EQUALS', 'PREFIX', 'NOT_EQUALS'].includes(comparison ?? '')
    ) {
      throw new AwsServiceError(
        ERROR,
        `filterCriteria.${name}: each filter needs a string value and a comparison of EQUALS, PREFIX or NOT_EQUALS.`,
        400,
      );
    }
    return { comparison: comparison!, value: text };
  });
}

function toSeconds(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const number =
    typeof value === 'number' ? value : Date.parse(String(value)) / 1000;
  if (Number.isNaN(number)) {
    throw new AwsServiceError(
      ERROR,
      'filterCriteria date filters take startInclusive and endInclusive timestamps.',
      400,
    );
  }
  return number;
}

/**
 * Accounts a caller sees in Inspector: every member for the delegated
 * administrator, otherwise its own account.
 */
export function visibleAccounts(
  store:
    | FindingStore<InspectorColumn>
    | { index: { accountIndex(id: string): number } },
  context: OperationContext,
) {
  const admin =
    context.caller.accountId === context.state.delegatedAdminAccountId;
  return admin
    ? undefined
    : [store.index.accountIndex(context.caller.accountId)].filter(i => i >= 0);
}

/** Reads `filterCriteria` into a compiled filter for the caller and Region. */
export function compileInspectorFilter(
  store: FindingStore<InspectorColumn>,
  criteria: Record<string, unknown>,
  context: OperationContext,
  accountIdsFilter?: unknown,
): FindingFilter<InspectorColumn> {
  for (const name of Object.keys(criteria)) {
    if (!SUPPORTED.includes(name)) {
      throw new AwsServiceError(
        ERROR,
        `The sandbox does not evaluate filterCriteria.${name}; supported: ${SUPPORTED.join(
          ', ',
        )}.`,
        400,
      );
    }
  }
  const { index } = store;
  const filter: FindingFilter<InspectorColumn> = { columns: [], updatedAt: [] };
  const visible = visibleAccounts(store, context);
  const accountConditions = [
    ...(criteria.awsAccountId
      ? inspectorStringConditions('awsAccountId', criteria.awsAccountId)
      : []),
    ...(accountIdsFilter
      ? inspectorStringConditions('accountIds', accountIdsFilter)
      : []),
  ];
  if (
    accountConditions.length &&
    accountConditions.every(c => c.comparison === 'EQUALS')
  ) {
    const wanted = accountConditions
      .map(c => index.accountIndex(c.value))
      .filter(i => i >= 0);
    filter.accounts = visible
      ? wanted.filter(i => visible.includes(i))
      : wanted;
  } else {
    filter.accounts = visible;
    if (accountConditions.length) {
      filter.accountMask = Uint8Array.from(index.accountIds, id =>
        stringConditionsPass(id, accountConditions) ? 1 : 0,
      );
    }
  }
  filter.columns.push({
    column: 'region',
    allowed: allowedCodes(context.state.regions, [
      { comparison: 'EQUALS', value: context.region },
    ]),
  });
  for (const [name, { column, labels }] of Object.entries(STRING_CRITERIA)) {
    if (criteria[name]) {
      filter.columns.push({
        column,
        allowed: allowedCodes(
          labels,
          inspectorStringConditions(name, criteria[name]),
        ),
      });
    }
  }
  for (const name of ['updatedAt', 'lastObservedAt']) {
    const ranges = criteria[name];
    if (ranges !== undefined) {
      if (!Array.isArray(ranges)) {
        throw new AwsServiceError(
          ERROR,
          `filterCriteria.${name} must be a list of { startInclusive, endInclusive }.`,
          400,
        );
      }
      for (const range of ranges as {
        startInclusive?: unknown;
        endInclusive?: unknown;
      }[]) {
        filter.updatedAt.push({
          start: toSeconds(range.startInclusive),
          end: toSeconds(range.endInclusive),
        });
      }
    }
  }
  return filter;
}

const SEVERITY_RANK = [1, 2, 3, 4, 5, 0];
const SORT_FIELDS: Record<string, FindingSort<InspectorColumn>['key']> = {
  SEVERITY: 'severity',
  LAST_OBSERVED_AT: 'updatedAt',
  FINDING_STATUS: 'status',
  FINDING_TYPE: 'findingType',
  RESOURCE_TYPE: 'resourceType',
  AWS_ACCOUNT_ID: 'account',
  VULNERABILITY_ID: 'vulnerability',
};

export function readInspectorSort(
  criteria: Record<string, unknown> | undefined,
): FindingSort<InspectorColumn> {
  if (!criteria) {
    return { key: 'updatedAt', descending: true };
  }
  const field = String(criteria.field ?? '');
  const key = SORT_FIELDS[field];
  if (!key) {
    throw new AwsServiceError(
      ERROR,
      `sortCriteria.field ${field} is not supported by the sandbox; use ${Object.keys(
        SORT_FIELDS,
      ).join(', ')}.`,
      400,
    );
  }
  return {
    key,
    descending: String(criteria.sortOrder ?? 'DESC') === 'DESC',
    rank: key === 'severity' ? code => SEVERITY_RANK[code] : undefined,
  };
}
